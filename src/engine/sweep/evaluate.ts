import { summarise, type MetricSummary } from '../../metrics/summary.js';
import { withOverrides, type Scenario } from '../../scenario/load.js';
import type { PointDone, PointTask } from './protocol.js';
import { evaluateReplications } from './replications.js';

/** The scenario of a design point: the base with the point's overrides (validated). */
export function pointScenario(base: Scenario, overrides: Readonly<Record<string, unknown>>): Scenario {
  return Object.keys(overrides).length ? withOverrides(base, overrides, 'sweep point') : base;
}

/**
 * A design point's answer from its metrics' values in every replication (layout as in
 * evaluateReplications with from = 0, to = task.replications): the summary statistics of
 * each metric across replications, in replication order, and the values themselves when
 * the task asks for them.
 */
export function summarisePoint(task: PointTask, values: Float64Array): PointDone {
  const metrics: Record<string, MetricSummary> = {};
  const perReplication: Record<string, number[]> = {};
  const n = task.replications;
  for (let m = 0; m < task.metrics.length; m++) {
    const id = task.metrics[m]!;
    const own = Array.from(values.subarray(m * n, (m + 1) * n));
    const s = summarise(own);
    metrics[id] = { mean: s.mean, sd: s.sd, se: s.se, p025: s.p025, p975: s.p975, n: s.n };
    if (task.perReplication) perReplication[id] = own;
  }
  return { type: 'done', index: task.index, metrics, ...(task.perReplication ? { perReplication } : {}) };
}

/**
 * Simulates one design point in this thread: the base scenario with the point's overrides,
 * the task's seed and replications, summarised for the requested metrics. The pool's
 * threads give the same numbers (they run the same functions on runs of replications).
 */
export function evaluatePoint(base: Scenario, task: PointTask): PointDone {
  return summarisePoint(task, evaluateReplications(pointScenario(base, task.overrides), task.seed, 0, task.replications, task.metrics));
}
