import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Runs the built CLI (npm test builds dist/ first). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/wuhou-sim', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('wuhou-sim CLI', () => {
  it('validate: exit 0 for valid files, 2 with one line per problem otherwise', () => {
    expect(cli('validate', 'scenarios/baseline-2016.yaml').code).toBe(0);
    const bad = cli('validate', 'scenarios/baseline-2016.yaml', 'tests/fixtures/scenarios/bad-many.yaml', 'tests/fixtures/scenarios/bad-unit.yaml');
    expect(bad.code).toBe(2);
    const lines = bad.out.trim().split('\n');
    expect(lines).toHaveLength(5);
    // An unknown key's path already names it, so its line gives only what was expected.
    for (const l of lines) expect(l).toMatch(/^tests\/fixtures\/scenarios\/bad-(many|unit)\.yaml: [\w.]+: .+ \((got .+, )?expected .+\)$/);
  });

  it('run --json: same seed gives byte-identical JSON, another seed other draws', () => {
    const a = cli('run', 'scenarios/baseline-2016.yaml', '--reps', '2', '--seed', '5', '--json');
    const b = cli('run', 'scenarios/baseline-2016.yaml', '--reps', '2', '--seed', '5', '--json');
    const c = cli('run', 'scenarios/baseline-2016.yaml', '--reps', '2', '--seed', '6', '--json');
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).not.toBe(c.out);
    const doc = JSON.parse(a.out);
    expect(doc).toMatchObject({ scenario: 'baseline-2016', seed: 5, replications: 2 });
    expect(doc.metrics['population.households']).toEqual({ mean: 6900, sd: 0, p025: 6900, p975: 6900, unit: 'households' });
  });

  it('run --set overrides, --out writes summary.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-run-'));
    const r = cli('run', '--reps', '1', '--set', 'population.dibao.households=100', '--out', join(dir, 'nested'));
    expect(r.code).toBe(0);
    const csv = readFileSync(join(dir, 'nested', 'summary.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('metric,label,unit,mean,sd,p025,p975');
    expect(csv).toMatch(/population\.households,Hardship households,households,3400,/);
  });

  it('run with a roster instead of a synthetic population', () => {
    const r = cli('run', '--reps', '1', '--households', 'tests/fixtures/roster/households.csv', '--persons', 'tests/fixtures/roster/persons.csv', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).metrics['population.persons'].mean).toBe(6);
  });

  it('params lists every parameter with provenance, and --csv gives CSV', () => {
    const r = cli('params', '--csv');
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('path,value,unit,zh,en,provenance,setIn');
    expect(r.out).toMatch(/supermarket\.vegetables\.cap,100,yuan\/month,蔬菜每月限额,.*article: ""以优惠价/);
  });

  it('bad input exits 2 with a message and no stack trace; --debug adds the trace', () => {
    for (const args of [
      ['run', '--reps', '0'],
      ['run', '--reps', 'many'],
      ['run', '--bogus'],
      ['run', '--set', 'supermarket.vegetables.cap=-5'],
      ['run', 'tests/fixtures/scenarios/no-such.yaml'],
      ['nonsense'],
    ]) {
      const r = cli(...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(r.err.trim().length).toBeGreaterThan(0);
    }
    expect(cli('run', '--reps', '0').err).toMatch(/--reps: expected a whole number from 1 to 100000, got 0/);
    expect(cli('run', '--set', 'supermarket.vegetables.cap=-5', '--debug').err).toMatch(/\n\s+at /);
  });
});

describe('wuhou-sim report (what npm start runs)', () => {
  it('prints the article figures beside the model and what each payer contributes, then where the report is', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-report-'));
    const r = cli('report', '--reps', '2', '--out', join(dir, 'report.html'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/The article's figures and the model/);
    expect(r.out).toMatch(/^insurance\.claimRate +share/m);
    expect(r.out).toMatch(/^District budget: net spending +2,225,000/m);
    expect(r.out).toMatch(/wrote .*report\.html \(\d+ charts/);
  });
});
