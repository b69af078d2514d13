import { describe, expect, it, vi } from 'vitest';
import { SweepPool } from '../../src/engine/sweep/pool.js';
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

  it('a point cut into runs of replications for two threads gives what one thread gives', async () => {
    // One point and two threads: the pool cuts its 4 replications into single ones, spread over both threads.
    const base = baselineYear(3_000, { 'insurance.risk.extraYears': 5 });
    const plan = planSweep({ base, vary: { 'supermarket.vegetables.cap': [100] }, replications: 4, seed: 12 });
    const one = await runSweep(plan, { workers: 1 });
    const open = vi.spyOn(SweepPool, 'open');
    const two = await runSweep(plan, { workers: 2 });
    expect(open).toHaveBeenCalledWith(plan.base, 2); // one point, yet both threads
    open.mockRestore();
    expect(JSON.stringify(two.points)).toBe(JSON.stringify(one.points));
    expect(one.points[0]!.metrics['supermarket.discountYuan']!.n).toBe(4);
    expect(one.points[0]!.metrics['supermarket.discountYuan']!.sd).toBeGreaterThan(0);
  });
});
