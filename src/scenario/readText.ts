import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a small UTF-8 text file defensively. Only regular files are read (a folder, a
 * device such as /dev/zero or a pipe would fail or never end), at most `maxBytes` are read
 * whatever the file claims its size is, and bytes that are not UTF-8 are an error with
 * their line and column rather than a silent replacement character.
 */
export type TextRead = { ok: true; text: string } | { ok: false; problem: string; line?: number; col?: number; got?: string; expected?: string };

export function readTextFile(path: string, maxBytes: number): TextRead {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (e) {
    return { ok: false, problem: openProblem(e) };
  }
  try {
    if (!fstatSync(fd).isFile()) return { ok: false, problem: 'not a regular file', expected: 'a scenario file (.yaml)' };
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    for (;;) {
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
      if (length > maxBytes) return { ok: false, problem: 'file too large', got: `more than ${maxBytes} bytes`, expected: `at most ${maxBytes} bytes` };
    }
    return decodeUtf8(buffer.subarray(0, length));
  } catch (e) {
    return { ok: false, problem: openProblem(e) };
  } finally {
    closeSync(fd);
  }
}

function openProblem(e: unknown): string {
  switch ((e as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'file not found';
    case 'EISDIR':
      return 'not a regular file';
    case 'EACCES':
    case 'EPERM':
      return 'cannot read the file: permission denied';
    default:
      throw e;
  }
}

function decodeUtf8(bytes: Uint8Array): TextRead {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, problem: 'the file is UTF-16 text', expected: 'UTF-8 text (save it as UTF-8)' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const col = at - before.lastIndexOf('\n');
    return { ok: false, problem: 'not valid UTF-8 text', line, col, expected: 'UTF-8 text (save it as UTF-8)' };
  }
}
