import { describe, expect, it, vi } from 'vitest';
import type { Command } from '../../src/cli/command.js';
import { captureOutput } from '../helpers/captureOutput.js';

/**
 * How `main` classifies what a command throws (issue 10, item 6): a bug is exit 1 with
 * "internal error" and a hint to rerun with --debug; a file-system error on a path the user
 * gave, or a population too large for memory, is bad input (exit 2); neither shows a stack
 * trace without --debug. The command list is replaced by commands that throw on purpose.
 */

function thrower(name: string, make: () => unknown): Command {
  return {
    name,
    summary: 'throws on purpose',
    usage: name,
    run: async () => {
      throw make();
    },
  };
}

function fsError(code: string, syscall: string, path: string): Error {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

vi.mock('../../src/cli/commands/index.js', () => ({
  COMMANDS: [
    thrower('bug', () => new TypeError("Cannot read properties of undefined (reading 'x')")),
    thrower('string', () => 'a thrown string'),
    thrower('readonly', () => fsError('EROFS', 'open', 'out/summary.csv')),
    thrower('full', () => fsError('ENOSPC', 'write', 'out/summary.csv')),
    thrower('denied', () => fsError('EACCES', 'mkdir', '/root/out')),
    thrower('odd-errno', () => fsError('ECONNRESET', 'read', 'socket')),
    thrower('memory', () => new RangeError('Array buffer allocation failed')),
    thrower('recursion', () => new RangeError('Maximum call stack size exceeded')),
  ],
}));

const { main } = await import('../../src/cli/main.js');

const io = captureOutput();

describe('internal errors: exit 1, no trace unless --debug', () => {
  it.each([
    ['bug', "internal error: Cannot read properties of undefined (reading 'x')"],
    ['string', 'internal error: a thrown string'],
    ['odd-errno', "internal error: ECONNRESET: read 'socket'"],
    ['recursion', 'internal error: Maximum call stack size exceeded'],
  ])('%s', async (name, message) => {
    expect(await main([name])).toBe(1);
    expect(io.err).toBe(`${message}\n(run again with --debug for the stack trace; please report it)\n`);
    io.err = '';
    expect(await main([name, '--debug'])).toBe(1);
    expect(io.err.startsWith(`${message}\n`)).toBe(true);
    if (name !== 'string') expect(io.err).toMatch(/\n\s+at /);
  });
});

describe('environment problems the user can fix: exit 2', () => {
  it.each([
    ['readonly', 'cannot open out/summary.csv: the file system is read-only'],
    ['full', 'cannot write out/summary.csv: no space left on the device'],
    ['denied', 'cannot create the folder /root/out: permission denied'],
    ['memory', 'not enough memory for this scenario (Array buffer allocation failed); reduce the population (population.*.households) or the number of replications'],
  ])('%s', async (name, message) => {
    expect(await main([name])).toBe(2);
    expect(io.err).toBe(`${message}\n`);
  });
});
