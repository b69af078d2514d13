import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { tempDir, writeTargets } from './helpers.js';

/** Runs the built CLI (npm test builds dist/ first; run `npm run build` before running this file alone). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/wuhou-sim', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('wuhou-sim calibrate', () => {
  it('--json gives every target with range, mean, interval and pass', () => {
    const r = cli('calibrate', '--reps', '1', '--json');
    expect([0, 1]).toContain(r.code);
    const doc = JSON.parse(r.out);
    expect(doc.targets.length).toBeGreaterThanOrEqual(10);
    for (const t of doc.targets) {
      expect(Object.keys(t)).toEqual(expect.arrayContaining(['id', 'metric', 'low', 'high', 'mean', 'p025', 'p975', 'pass']));
      expect(t.pass).toBe(t.mean >= t.low && t.mean <= t.high);
    }
    expect(r.code).toBe(doc.targets.every((t: { pass: boolean }) => t.pass) ? 0 : 1);
  });

  it('exits 0 when every target passes and 1 once a target is moved out of reach', () => {
    const dir = tempDir();
    const reachable = writeTargets(dir, [{ id: 'households', metric: 'population.households', low: 6800, high: 7000 }], 'ok.csv');
    const ok = cli('calibrate', '--reps', '1', '--targets', reachable);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/1 of 1 targets pass/);
    expect(ok.out).toMatch(/95% CI of mean/);
    const moved = writeTargets(dir, [{ id: 'households', metric: 'population.households', low: 7100, high: 8000 }], 'moved.csv');
    const bad = cli('calibrate', '--reps', '1', '--targets', moved, '--json');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.out).targets[0]).toMatchObject({ id: 'households', mean: 6900, pass: false });
  });

  it('a target with an unknown metric or low above high is bad input, with its CSV line', () => {
    const file = writeTargets(tempDir(), [
      { id: 'a', metric: 'population.households', low: 1, high: 2 },
      { id: 'b', metric: 'no.such.metric', low: 1, high: 2 },
      { id: 'c', metric: 'population.persons', low: 3, high: 2 },
    ]);
    const r = cli('calibrate', '--targets', file);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/targets\.csv:3: metric: unknown metric/);
    expect(r.err).toMatch(/targets\.csv:4: low: low is above high/);
    expect(r.err).not.toMatch(/at .*\.js/);
  });

  it('--fit says so when nothing is fittable to the targets given, and refuses to overwrite its input', () => {
    const only = writeTargets(tempDir(), [{ id: 'households', metric: 'population.households', low: 6800, high: 7000 }]);
    const none = cli('calibrate', '--fit', '--targets', only);
    expect(none.code).toBe(2);
    expect(none.err).toMatch(/^nothing to fit: no fittable parameter is fitted to a target in /);
    const notFittable = cli('calibrate', '--fit', '--only', 'supermarket.vegetables.cap');
    expect(notFittable.code).toBe(2);
    expect(notFittable.err).toMatch(/--only supermarket\.vegetables\.cap: not a fittable parameter/);
    const over = cli('calibrate', 'scenarios/baseline-2016.yaml', '--fit', '--out', 'scenarios/baseline-2016.yaml');
    expect(over.code).toBe(2);
    expect(over.err).toMatch(/never edits the one it fits/);
  });

  it('--fit writes a new scenario with the fitted value and its provenance note', () => {
    const out = join(tempDir(), 'fitted.yaml');
    const r = cli('calibrate', '--fit', '--only', 'supermarket.public.salesPerStoreMonthYuan', '--reps', '1', '--max-evals', '8', '--out', out, '--name', 'cli-fitted');
    expect([0, 1]).toContain(r.code);
    expect(existsSync(out)).toBe(true);
    expect(r.out).toMatch(/fitted 1 parameter\(s\) in 1 group/);
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^extends: .*baseline-2016\.yaml$/m);
    const s = loadScenario(out);
    expect(s.name).toBe('cli-fitted');
    expect(s.notes['supermarket.public.salesPerStoreMonthYuan']).toMatch(/calibrated to target supermarket\.donationPer100 by calibrate --fit \(Nelder–Mead on common random numbers, seed 2016, 1 replications; objective/);
  });
});
