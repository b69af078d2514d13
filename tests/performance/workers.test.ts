import { describe, expect, it } from 'vitest';
import { runSweep } from '../../src/engine/sweep/run.js';
import { planSweep } from '../../src/engine/sweep/spec.js';
import { baselineYear } from './helpers.js';

describe('sweeps: results do not depend on the number of workers', () => {
  it('a sweep gives identical points on 1 and 2 worker threads', async () => {
    // Points run in the built worker (npm test builds dist/ first).
    // A small year keeps the test short: the insurance claims distribution over 5 extra years, not 50.
    const base = baselineYear(3_000, { 'insurance.risk.extraYears': 5 });
    const plan = planSweep({ base, vary: { 'supermarket.vegetables.cap': [80, 120], 'insurance.charityShare': [0.3, 0.6] }, replications: 2, seed: 11 });
    expect(plan.points).toHaveLength(4);
    const one = await runSweep(plan, { workers: 1 });
    const two = await runSweep(plan, { workers: 2 });
    expect(JSON.stringify(two.points)).toBe(JSON.stringify(one.points));
    // The points differ from each other, so identical tables are not identical by construction.
    const discounts = one.points.map((p) => JSON.stringify(p.metrics['supermarket.discountYuan']));
    expect(new Set(discounts).size).toBeGreaterThan(1);
  });
});
