import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { main } from '../../src/cli/main.js';
import { captureOutput } from '../helpers/captureOutput.js';

/**
 * Commands load lazily (issue 9: CLI start-up): their names, summaries and usage live in
 * commands/index.ts, their code in a module imported when the command runs. These tests
 * check that every listed command's module loads and parses its own flags, and that help
 * shows every command without running any.
 */

const io = captureOutput();

describe('lazy commands', () => {
  it('lists the ten commands once each, in help order', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['run', 'validate', 'params', 'compare', 'sweep', 'frontier', 'report', 'calibrate', 'explain', 'sensitivity']);
  });

  it('--help shows every command with its summary', async () => {
    expect(await main(['--help'])).toBe(0);
    for (const c of COMMANDS) expect(io.out).toContain(`  ${c.name.padEnd(11)}  ${c.summary}\n`);
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s --help prints its usage', async (name) => {
    const command = COMMANDS.find((c) => c.name === name)!;
    expect(await main([name, '--help'])).toBe(0);
    expect(io.out).toBe(`usage: wuhou-sim ${command.usage}\n\n${command.summary}\n`);
    expect(command.usage.startsWith(`${name} `)).toBe(true);
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s: its module loads and refuses an unknown flag (exit 2)', async (name) => {
    expect(await main([name, '--no-such-flag'])).toBe(2);
    expect(io.err).toBe(`Unknown option '--no-such-flag'. (wuhou-sim ${name} --help lists its options)\n`);
  });
});
