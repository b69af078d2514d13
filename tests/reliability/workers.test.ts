import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runSweep } from '../../src/engine/sweep/run.js';
import { loadSweepFile } from '../../src/engine/sweep/spec.js';
import { ScenarioError } from '../../src/scenario/issues.js';
import { loadScenario, withOverrides } from '../../src/scenario/load.js';
import { BASELINE, tempDir } from './helpers.js';
import { overridesArb } from './invariants/scenarios.js';

/**
 * Identical results at 1 and 2 workers on random valid scenarios (issue 10, item 3): each
 * scenario (the baseline with random overrides, small populations) becomes a sweep's `set:`,
 * run by the worker pool with one worker and with two. The points must be identical,
 * whatever order the workers finish in. Workers run dist/ (`npm run build` first).
 */

const SCENARIOS = Number(process.env.WORKER_SCENARIOS ?? 3);
const { dir, cleanup } = tempDir('workers');
afterAll(cleanup);
const base = loadScenario(BASELINE);
const METRICS = ['population.households', 'cost.districtBudget', 'cost.charityAssociation', 'supermarket.discountYuan', 'insurance.claimsPaidYuan', 'pairing.disbursedYuan', 'reach.none'];

/** The first `n` random override sets that validate. */
function validOverrides(n: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const o of fc.sample(overridesArb(base.values, 6), { numRuns: 40 * n, seed: 99 })) {
    try {
      withOverrides(base, o);
      out.push(o);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
    }
    if (out.length === n) break;
  }
  return out;
}

describe('worker count', () => {
  it.each(validOverrides(SCENARIOS).map((o, i) => [i, o] as const))('random scenario %i: identical points with 1 and 2 workers', async (i, overrides) => {
    const file = join(dir, `sweep${i}.yaml`);
    writeFileSync(file, stringify({ name: `random-${i}`, base: resolve(BASELINE), set: overrides, replications: 2, seed: 100 + i, vary: { 'supermarket.vegetables.cap': [80, 120], 'insurance.topUp.rate': [0.5, 1] }, metrics: METRICS }));
    const plan = loadSweepFile(file);
    const one = await runSweep(plan, { workers: 1 });
    const two = await runSweep(plan, { workers: 2 });
    expect(one.points).toHaveLength(4);
    expect(JSON.stringify(two.points)).toBe(JSON.stringify(one.points));
  }, 120_000);
});
