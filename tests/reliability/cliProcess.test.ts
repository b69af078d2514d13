import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

/**
 * The real binary (issue 10, items 2, 5 and 6): exit codes as the shell sees them, hostile
 * files that once could abort the process, and a GB18030 roster end to end. Runs dist/
 * (`npm run build` first).
 */

const { dir, cleanup } = tempDir('cliproc');
afterAll(cleanup);

function cli(...args: string[]) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['bin/wuhou-sim', ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, signal: r.signal, out: r.stdout, err: r.stderr, ms: performance.now() - t0 };
}

describe('the wuhou-sim binary', () => {
  it('survives files built to exhaust the YAML parser: exit 2, a message, no trace, no abort', () => {
    const base = resolve('scenarios/baseline-2016.yaml');
    const deep = join(dir, 'deep.yaml');
    writeFileSync(deep, `extends: ${base}\npopulation:\n  subdistrictWeights: ${'['.repeat(120_000)}${']'.repeat(120_000)}\n`);
    const bomb = 'tests/fixtures/scenarios/bad-alias-bomb.yaml';
    for (const [file, message] of [
      [deep, /deep\.yaml:3:87: \(top level\): YAML too large: nested more than 64 levels deep/],
      [bomb, /bad-alias-bomb\.yaml: \(top level\): YAML could not be read: Excessive alias count/],
    ] as const) {
      const r = cli('validate', file);
      expect(r.signal).toBeNull();
      expect(r.code).toBe(2);
      expect(r.out).toMatch(message);
      expect(r.err).toBe('');
    }
  });

  it('bad input exits 2 without a trace; --debug shows it', () => {
    const r = cli('run', '--households', 'tests/fixtures/reliability/households-gb18030.csv', '--persons', 'tests/fixtures/reliability/persons-gb18030.csv');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^tests\/fixtures\/reliability\/households-gb18030\.csv:2:5: \(top level\): not valid UTF-8 text \(if it was saved as GB18030\/GBK, add --encoding gb18030\)\n$/);
    const d = cli('run', '--set', 'population.dibao.households=1e400', '--debug');
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/^--set: population\.dibao\.households: wrong type \(got Infinity, expected a whole number ≥ 0\)\n[\s\S]*\n\s+at /);
  });

  it('a GB18030 roster with --encoding gb18030 gives the same results as its UTF-8 twin', () => {
    const G = 'tests/fixtures/reliability';
    const utf8 = cli('run', '--reps', '1', '--json', '--households', `${G}/households-utf8.csv`, '--persons', `${G}/persons-utf8.csv`);
    const gb = cli('run', '--reps', '1', '--json', '--households', `${G}/households-gb18030.csv`, '--persons', `${G}/persons-gb18030.csv`, '--encoding', 'gb18030');
    expect(utf8.err).toBe('');
    expect(utf8.code).toBe(0);
    expect(gb.code).toBe(0);
    expect(gb.out).toBe(utf8.out);
    expect(JSON.parse(gb.out).metrics['population.households'].mean).toBe(3);
  });
});
