/** A run of consecutive replications of one design point: `from` … `to` − 1 of tasks[task]. */
export interface Chunk {
  readonly task: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Runs per thread to aim for: enough that the threads finish within a short run of each
 * other (the last run started is what a thread may wait on), few enough that the per-run
 * cost (a message each way) stays small beside a replication.
 */
export const RUNS_PER_THREAD = 8;

/**
 * Cuts each design point's replications into runs for `threads` worker threads, in design
 * order (a point's runs together, so points finish roughly in order). One thread, or
 * points already numerous enough, keep whole points; a sweep of few points with many
 * replications is cut so every thread has work to the end. Runs of one point differ in
 * length by at most one replication.
 */
export function replicationChunks(replications: readonly number[], threads: number): Chunk[] {
  // (Callers pass whole numbers ≥ 0; a point of 0 replications gets one empty run.)
  let total = 0;
  for (const r of replications) total += r;
  const size = threads <= 1 ? Infinity : Math.max(1, Math.floor(total / (threads * RUNS_PER_THREAD)));
  const chunks: Chunk[] = [];
  replications.forEach((reps, task) => {
    const parts = Math.max(1, Math.ceil(reps / size));
    for (let k = 0; k < parts; k++) chunks.push({ task, from: Math.floor((k * reps) / parts), to: Math.floor(((k + 1) * reps) / parts) });
  });
  return chunks;
}
