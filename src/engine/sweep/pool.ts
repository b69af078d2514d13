import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { packageRoot } from '../../core/packageRoot.js';
import type { Scenario } from '../../scenario/load.js';
import type { PointTask, WorkerReply } from './protocol.js';

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
  task: PointTask | undefined;
}

/**
 * A fixed set of worker threads that simulate design points. Tasks go to whichever worker
 * is free; replies come back in finishing order and callers place them by `task.index`, so
 * results never depend on the number of workers or on timing. A worker that dies (e.g. out
 * of memory) fails only its current task and is replaced.
 */
export class SweepPool {
  private readonly slots: Slot[] = [];
  private onReply: ((slot: Slot, reply: WorkerReply) => void) | undefined;
  private closed = false;
  private busy = false;
  /** Set when a caller's result handler threw: the pool's state is then unknown, so it refuses more work. */
  private broken: unknown;

  private constructor(
    private readonly base: Scenario,
    private readonly path: string,
  ) {}

  /** Starts `workers` threads, each holding the base scenario. */
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
    const s: Slot = slot ?? ({ worker: undefined, task: undefined } as unknown as Slot);
    const worker = new Worker(this.path);
    s.worker = worker;
    worker.on('message', (reply: WorkerReply) => this.onReply?.(s, reply));
    const crashed = (why: string) => {
      if (this.closed || s.worker !== worker) return;
      const task = s.task;
      this.startSlot(s);
      if (task) this.onReply?.(s, { type: 'failed', index: task.index, error: `worker thread stopped: ${why}` });
    };
    worker.on('error', (e) => crashed(`${e.name}: ${e.message}`));
    worker.on('exit', (code) => crashed(`exit code ${code}`));
    worker.postMessage({ type: 'init', base: this.base });
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
      let next = 0;
      let pending = tasks.length;
      const feed = (slot: Slot) => {
        slot.task = next < tasks.length ? tasks[next++] : undefined;
        if (slot.task) slot.worker.postMessage(slot.task);
      };
      this.onReply = (slot, reply) => {
        if (!slot.task || slot.task.index !== reply.index) return;
        slot.task = undefined;
        pending--;
        try {
          onResult(reply);
        } catch (e) {
          this.broken = e;
          this.busy = false;
          this.onReply = undefined;
          reject(e);
          return;
        }
        if (pending > 0) feed(slot);
        else {
          this.busy = false;
          this.onReply = undefined;
          resolve();
        }
      };
      for (const slot of this.slots) feed(slot);
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
