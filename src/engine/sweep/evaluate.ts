import type { MetricSummary } from '../../metrics/summary.js';
import { withOverrides, type Scenario } from '../../scenario/load.js';
import { simulate } from '../simulate.js';
import type { PointDone, PointTask } from './protocol.js';

/**
 * Simulates one design point: the base scenario with the point's overrides, the task's seed
 * and replications, summarised for the requested metrics. The same function runs inside a
 * worker thread and in-process, so both give identical numbers.
 */
export function evaluatePoint(base: Scenario, task: PointTask): PointDone {
  const scenario = Object.keys(task.overrides).length ? withOverrides(base, task.overrides, 'sweep point') : base;
  const result = simulate(scenario, { seed: task.seed, replications: task.replications });
  const metrics: Record<string, MetricSummary> = {};
  const perReplication: Record<string, number[]> = {};
  for (const id of task.metrics) {
    const m = result.metrics[id];
    if (!m) throw new Error(`metric ${id} was not reported by the simulation`);
    metrics[id] = { mean: m.mean, sd: m.sd, se: m.se, p025: m.p025, p975: m.p975, n: m.n };
    if (task.perReplication) perReplication[id] = result.perReplication[id]!;
  }
  return { type: 'done', index: task.index, metrics, ...(task.perReplication ? { perReplication } : {}) };
}
