import { openCheckpoint, saveFailure, savePoint, type FailureRecord, type PointRecord } from './checkpoint.js';
import { defaultWorkers, SweepPool } from './pool.js';
import type { PointTask } from './protocol.js';
import { describePoint, type SweepPlan } from './spec.js';

export interface SweepRunOptions {
  /** Worker threads (default: the machine's cores, at most one per replication to run). */
  workers?: number;
  /** Folder to record finished points in as they finish (see checkpoint.ts). */
  checkpointDir?: string;
  /** Reuse the points already recorded in `checkpointDir` instead of starting afresh. */
  resume?: boolean;
  /** Run only these design indices (a shard, or a retry); default all. */
  only?: readonly number[];
  /**
   * The checkpoint folder is shared with other shards of the same sweep: never clear it (see
   * CheckpointMode `shared`); with `resume`, reuse this shard's points already there.
   */
  shared?: boolean;
  /** Called after each point finishes or fails (`done` counts both; `index` is the point's design index), for progress displays. */
  onProgress?: (done: number, total: number, index?: number) => void;
}

export interface SweepResult {
  readonly plan: SweepPlan;
  /** Finished points in design order (those loaded from a checkpoint included). */
  readonly points: PointRecord[];
  readonly failures: FailureRecord[];
  /** How many points came from the checkpoint instead of being simulated. */
  readonly resumed: number;
}

/** Thrown when design points failed; `result` keeps every point that finished. */
export class SweepFailedError extends Error {
  constructor(readonly result: SweepResult) {
    const lines = result.failures.map((f) => `  design point ${f.index} (${describePoint(f.params)}): ${f.error}`);
    super(`${result.failures.length} of ${result.plan.points.length} design points failed; the ${result.points.length} finished points are kept\n${lines.join('\n')}`);
    this.name = 'SweepFailedError';
  }
}

/**
 * Runs a planned sweep on worker threads. Each point runs the plan's replications on the
 * plan's seed (never a seed from the worker), and results are placed by design index, so
 * the output is identical for any number of workers and any finishing order. A failing
 * point does not stop the others; when all have answered, a SweepFailedError names each
 * failed point and its parameters and carries the finished ones.
 */
export async function runSweep(plan: SweepPlan, options: SweepRunOptions = {}): Promise<SweepResult> {
  const dir = options.checkpointDir;
  const resume = options.resume ?? false;
  const mode = options.shared ? (resume ? 'sharedResume' : 'shared') : resume ? 'resume' : 'fresh';
  const done = dir ? openCheckpoint(dir, plan, mode) : new Map<number, PointRecord>();
  const wanted = options.only ? [...new Set(options.only)].sort((a, b) => a - b) : plan.points.map((_, i) => i);
  for (const i of wanted) if (!Number.isInteger(i) || i < 0 || i >= plan.points.length) throw new RangeError(`design index ${i} is outside 0 … ${plan.points.length - 1}`);
  const resumed = wanted.filter((i) => done.has(i)).length;
  const tasks: PointTask[] = wanted
    .filter((i) => !done.has(i))
    .map((index) => ({ type: 'point', index, overrides: plan.points[index]!, seed: plan.seed, replications: plan.replications, metrics: plan.metrics }));
  const failures: FailureRecord[] = [];
  let finished = resumed;
  options.onProgress?.(finished, wanted.length);
  if (tasks.length) {
    // A thread per replication at most: a point's replications can run on different threads.
    const workers = Math.min(options.workers ?? defaultWorkers(), tasks.length * plan.replications);
    const pool = SweepPool.open(plan.base, workers);
    try {
      await pool.run(tasks, (reply) => {
        const params = { ...plan.points[reply.index]! };
        if (reply.type === 'done') {
          const record: PointRecord = { index: reply.index, params, metrics: reply.metrics };
          done.set(reply.index, record);
          if (dir) savePoint(dir, plan, record);
        } else {
          const failure: FailureRecord = { index: reply.index, params, error: reply.error };
          failures.push(failure);
          if (dir) saveFailure(dir, plan, failure);
        }
        options.onProgress?.(++finished, wanted.length, reply.index);
      });
    } finally {
      await pool.close();
    }
  }
  const result: SweepResult = {
    plan,
    points: wanted.filter((i) => done.has(i)).map((i) => done.get(i)!),
    failures: failures.sort((a, b) => a.index - b.index),
    resumed,
  };
  if (failures.length) throw new SweepFailedError(result);
  return result;
}
