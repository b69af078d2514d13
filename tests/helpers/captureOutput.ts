import { afterEach, beforeEach, vi } from 'vitest';

/** What the CLI wrote during the current test; reset before each test. */
export interface CapturedOutput {
  out: string;
  err: string;
}

/**
 * Captures stdout and stderr during every test of the calling file (and keeps them off the
 * terminal), for tests that call the CLI's `main` in-process.
 */
export function captureOutput(): CapturedOutput {
  const captured: CapturedOutput = { out: '', err: '' };
  beforeEach(() => {
    captured.out = '';
    captured.err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((captured.out += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((captured.err += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());
  return captured;
}
