import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/packageRoot.js';
import type { Scenario } from '../../scenario/load.js';
import { replicationChunks, type Chunk } from './chunks.js';
import { pointScenario, summarisePoint } from './evaluate.js';
import type { PointTask, ReplicationsTask, ThreadReply, WorkerReply } from './protocol.js';

/** The built worker entry: the CLI, tests and notebooks all start this same file. */
export function workerPath(): string {
  return join(packageRoot(), 'dist', 'engine', 'sweep', 'worker.js');
}

/** Worker threads to use by default: the machine's cores. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

interface Slot {
  worker: Worker;
  /** The run of replications the thread is simulating, and the id its reply will carry. */
  chunk: Chunk | undefined;
  id: number;
  /** The scenario last sent to the thread: the one it keeps. */
  holds: Scenario | undefined;
}

/** A design point being assembled from its runs of replications. */
interface Assembly {
  /** Metric-major values of every replication (see evaluateReplications). */
  readonly values: Float64Array;
  /** Runs not yet answered. */
  waiting: number;
  /** Answered (done or failed): later replies for it are ignored. */
  over: boolean;
  /** The point's scenario (or why its overrides are invalid), made when its first run is about to go out. */
  scenario?: Scenario | Error;
}

/**
 * A fixed set of worker threads that simulate design points. Each point's replications are
 * cut into runs (chunks.ts) that go to whichever thread is free, so few points with many
 * replications still use every thread and the threads finish close together. A point is
 * answered once all its runs are in, with statistics computed here over its replications
 * in order; callers place answers by `task.index`, so results never depend on the number
 * of threads or on timing. The pool applies and validates each point's overrides itself
 * (an invalid point fails without reaching a thread). A worker that dies (e.g. out of
 * memory) fails only the point it was simulating and is replaced.
 */
export class SweepPool {
  private readonly slots: Slot[] = [];
  private onReply: ((slot: Slot, reply: ThreadReply) => void) | undefined;
  private closed = false;
  private busy = false;
  private lastId = 0;
  /** Set when a caller's result handler threw: the pool's state is then unknown, so it refuses more work. */
  private broken: unknown;

  private constructor(
    private readonly base: Scenario,
    private readonly path: string,
  ) {}

  /** Starts `workers` threads; design points are the base scenario with each task's overrides. */
  static open(base: Scenario, workers: number): SweepPool {
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number ≥ 1, got ${workers}`);
    const path = workerPath();
    if (!existsSync(path)) throw new Error(`the sweep worker is not built (${path} is missing): run \`npm run build\` first`);
    const pool = new SweepPool(base, path);
    for (let i = 0; i < workers; i++) pool.slots.push(pool.startSlot());
    return pool;
  }

  get size(): number {
    return this.slots.length;
  }

  private startSlot(slot?: Slot): Slot {
    const s: Slot = slot ?? ({ worker: undefined, chunk: undefined, id: 0, holds: undefined } as unknown as Slot);
    const worker = new Worker(this.path);
    s.worker = worker;
    s.holds = undefined;
    worker.on('message', (reply: ThreadReply) => this.onReply?.(s, reply));
    const crashed = (why: string) => {
      if (this.closed || s.worker !== worker) return;
      const chunk = s.chunk;
      this.startSlot(s);
      if (chunk) this.onReply?.(s, { type: 'failed', id: s.id, error: `worker thread stopped: ${why}` });
    };
    worker.on('error', (e) => crashed(`${e.name}: ${e.message}`));
    worker.on('exit', (code) => crashed(`exit code ${code}`));
    return s;
  }

  /**
   * Runs the tasks, calling `onResult` once per task as each finishes. Resolves when every
   * task has answered (done or failed); rejects only if `onResult` itself throws.
   */
  run(tasks: readonly PointTask[], onResult: (reply: WorkerReply) => void): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the sweep pool is closed'));
    if (this.busy) return Promise.reject(new Error('the sweep pool is already running tasks'));
    if (this.broken) return Promise.reject(new Error('the sweep pool stopped after an error; open a new one'));
    if (!tasks.length) return Promise.resolve();
    this.busy = true;
    return new Promise<void>((resolve, reject) => {
      // A task with no valid number of replications fails below; it gets no run.
      const replications = tasks.map((t) => (Number.isInteger(t.replications) && t.replications > 0 ? t.replications : 0));
      const chunks = replicationChunks(replications, this.slots.length);
      const points: Assembly[] = tasks.map((t, i) => ({ values: new Float64Array(t.metrics.length * replications[i]!), waiting: 0, over: false }));
      for (const c of chunks) points[c.task]!.waiting++;
      let next = 0;
      let pending = tasks.length;
      let stopped = false;
      /** Answers a point; false when the caller's handler threw (the run is then over). */
      const answer = (position: number, reply: WorkerReply): boolean => {
        points[position]!.over = true;
        delete points[position]!.scenario;
        pending--;
        try {
          onResult(reply);
        } catch (e) {
          this.broken = e;
          this.busy = false;
          this.onReply = undefined;
          stopped = true;
          reject(e);
          return false;
        }
        if (pending === 0) {
          this.busy = false;
          this.onReply = undefined;
          stopped = true;
          resolve();
        }
        return true;
      };
      /** The point's scenario, made once; an invalid override is kept as the error it threw. */
      const scenarioOf = (position: number): Scenario | Error => {
        const point = points[position]!;
        if (point.scenario === undefined) {
          try {
            point.scenario = pointScenario(this.base, tasks[position]!.overrides);
          } catch (e) {
            point.scenario = e instanceof Error ? e : new Error(String(e));
          }
        }
        return point.scenario;
      };
      /** Gives the thread the next run of a point still open, or leaves it idle. */
      const feed = (slot: Slot) => {
        slot.chunk = undefined;
        while (!stopped && next < chunks.length) {
          const chunk = chunks[next++]!;
          if (points[chunk.task]!.over) continue; // runs of failed points are dropped
          const scenario = scenarioOf(chunk.task);
          const task = tasks[chunk.task]!;
          if (scenario instanceof Error) {
            answer(chunk.task, { type: 'failed', index: task.index, error: `${scenario.name}: ${scenario.message}`, ...(scenario.stack ? { stack: scenario.stack } : {}) });
            continue;
          }
          slot.chunk = chunk;
          slot.id = ++this.lastId;
          const message: ReplicationsTask = { type: 'replications', id: slot.id, ...(slot.holds === scenario ? {} : { scenario }), from: chunk.from, to: chunk.to, seed: task.seed, metrics: task.metrics };
          slot.holds = scenario;
          slot.worker.postMessage(message);
          // Validate the next point's overrides now, while the threads simulate, not when a thread waits for it.
          if (next < chunks.length && !points[chunks[next]!.task]!.over) scenarioOf(chunks[next]!.task);
          return;
        }
      };
      this.onReply = (slot, reply) => {
        const chunk = slot.chunk;
        if (!chunk || reply.id !== slot.id) return;
        slot.chunk = undefined;
        const point = points[chunk.task]!;
        const task = tasks[chunk.task]!;
        if (!point.over) {
          if (reply.type === 'failed') {
            if (!answer(chunk.task, { type: 'failed', index: task.index, error: reply.error, ...(reply.stack ? { stack: reply.stack } : {}) })) return;
          } else {
            placeRun(point.values, reply.values, task.replications, chunk);
            if (--point.waiting === 0 && !answer(chunk.task, summarisePoint(task, point.values))) return;
          }
        }
        if (!stopped) feed(slot);
      };
      for (let position = 0; position < tasks.length && !stopped; position++) {
        const task = tasks[position]!;
        if (!replications[position]) answer(position, { type: 'failed', index: task.index, error: `RangeError: replications must be a whole number ≥ 1, got ${task.replications}` });
      }
      for (const slot of this.slots) if (!stopped) feed(slot);
    });
  }

  /** Stops every worker thread. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onReply = undefined;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}

/** Copies a run's metric-major values into the point's, at the run's replications. */
function placeRun(point: Float64Array, run: Float64Array, replications: number, chunk: Chunk): void {
  const count = chunk.to - chunk.from;
  const metrics = run.length / count;
  for (let m = 0; m < metrics; m++) point.set(run.subarray(m * count, (m + 1) * count), m * replications + chunk.from);
}
