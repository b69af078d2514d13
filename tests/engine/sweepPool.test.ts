import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluatePoint } from '../../src/engine/sweep/evaluate.js';
import { SweepPool } from '../../src/engine/sweep/pool.js';
import type { PointTask, WorkerReply } from '../../src/engine/sweep/protocol.js';
import { withOverrides } from '../../src/scenario/load.js';
import { requireBuiltWorker, smallScenario } from './fixtures.js';

/**
 * The pool cuts design points into runs of replications for its threads (chunks.ts) and
 * puts each point back together. A point must come back exactly as one thread simulating
 * it whole would give it, whatever the cut, and a failing run must fail its point once.
 */

// The insurance claims distribution over 3 extra years instead of 50 keeps each replication short.
const base = () => withOverrides(smallScenario(), { 'insurance.risk.extraYears': 3 }, 'tests/engine/sweepPool.test.ts');
const METRICS = ['population.persons', 'supermarket.discountYuan', 'insurance.claimsPaidYuan', 'reach.none'];

function task(index: number, overrides: Record<string, unknown>, replications: number, perReplication = false): PointTask {
  return { type: 'point', index, overrides, seed: 7, replications, metrics: METRICS, ...(perReplication ? { perReplication } : {}) };
}

async function runAll(pool: SweepPool, tasks: readonly PointTask[]): Promise<WorkerReply[]> {
  const replies: WorkerReply[] = [];
  await pool.run(tasks, (r) => replies.push(r));
  return replies.sort((a, b) => a.index - b.index);
}

let one: SweepPool;
let two: SweepPool;
beforeAll(() => {
  requireBuiltWorker();
  one = SweepPool.open(base(), 1);
  two = SweepPool.open(base(), 2);
});
afterAll(async () => {
  await one.close();
  await two.close();
});

describe('the sweep pool', () => {
  it('one point of 6 replications on two threads gives what one thread simulating it whole gives', async () => {
    const t = task(0, { 'supermarket.vegetables.cap': 90 }, 6, true);
    const [inProcess] = [evaluatePoint(base(), t)];
    const [fromTwo] = await runAll(two, [t]);
    const [fromOne] = await runAll(one, [t]);
    expect(JSON.stringify(fromTwo)).toBe(JSON.stringify(inProcess));
    expect(JSON.stringify(fromOne)).toBe(JSON.stringify(inProcess));
    // replications differ, so a misplaced run would show
    expect(new Set(inProcess.perReplication!['supermarket.discountYuan']).size).toBe(6);
    expect(inProcess.metrics['supermarket.discountYuan']!.n).toBe(6);
  });

  it('a failing run fails its point once; the other points finish and the pool keeps working', async () => {
    const tasks = [task(0, {}, 3), task(1, { 'population.dibao.households': -5 }, 5), task(2, { 'insurance.households': 40 }, 3)];
    const replies = await runAll(two, tasks);
    expect(replies.map((r) => [r.index, r.type])).toEqual([
      [0, 'done'],
      [1, 'failed'],
      [2, 'done'],
    ]);
    expect((replies[1] as { error: string }).error).toMatch(/population\.dibao\.households/);
    // the same indices again (as the frontier's batches reuse them): no late reply of the failed point is taken for a new one
    const again = await runAll(two, [task(0, {}, 2), task(1, { 'insurance.households': 40 }, 2)]);
    expect(again.map((r) => r.type)).toEqual(['done', 'done']);
    expect(JSON.stringify(again[1])).toBe(JSON.stringify(evaluatePoint(base(), task(1, { 'insurance.households': 40 }, 2))));
  });

  it('a task without a whole, positive number of replications fails alone', async () => {
    const replies = await runAll(two, [task(0, {}, 0), task(1, {}, 1), task(2, {}, 1.5)]);
    expect(replies.map((r) => r.type)).toEqual(['failed', 'done', 'failed']);
    expect((replies[0] as { error: string }).error).toMatch(/replications must be a whole number ≥ 1, got 0/);
  });

  it('answers each point once, in design order on one thread', async () => {
    const order: number[] = [];
    await one.run([task(5, {}, 2), task(3, {}, 1), task(4, {}, 2)], (r) => order.push(r.index));
    expect(order).toEqual([5, 3, 4]);
  });
});
