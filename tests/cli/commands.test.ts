import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';

/**
 * Commands load lazily (issue 9: CLI start-up): their names, summaries and usage live in
 * commands/index.ts, their code in a module imported when the command runs. These tests
 * check that every listed command's module loads and parses its own flags, and that help
 * shows every command without running any.
 */

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

describe('lazy commands', () => {
  it('lists the ten commands once each, in help order', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['run', 'validate', 'params', 'compare', 'sweep', 'frontier', 'report', 'calibrate', 'explain', 'sensitivity']);
  });

  it('--help shows every command with its summary', async () => {
    expect(await main(['--help'])).toBe(0);
    for (const c of COMMANDS) expect(out).toContain(`  ${c.name.padEnd(11)}  ${c.summary}\n`);
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s --help prints its usage', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    expect(await main([name, '--help'])).toBe(0);
    expect(out).toBe(`usage: wuhou-sim ${command.usage}\n\n${command.summary}\n`);
    expect(command.usage.startsWith(`${name} `)).toBe(true);
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s: its module loads and refuses an unknown flag (exit 2)', async (name) => {
    expect(await main([name, '--no-such-flag'])).toBe(2);
    expect(err).toBe(`Unknown option '--no-such-flag'. (wuhou-sim ${name} --help lists its options)\n`);
  });
});
