import type { Cell, Table } from '../../core/table.js';
import type { FailureRecord, PointRecord } from './checkpoint.js';
import type { SweepPlan } from './spec.js';

/**
 * What the tables need of a sweep's result: a run's SweepResult, or the merge of shard
 * folders, which has the manifest instead of the full plan.
 */
export interface SweepRows {
  readonly plan: Pick<SweepPlan, 'name' | 'seed' | 'replications' | 'design' | 'paths' | 'metrics'>;
  readonly points: readonly PointRecord[];
  readonly failures: readonly FailureRecord[];
}

/** Statistics each metric contributes to the tidy table, as column suffixes. */
export const SUMMARY_COLUMNS = ['mean', 'sd', 'se', 'p025', 'p975'] as const;

/** A parameter value as one table cell (lists joined by spaces, as `params` prints them). */
export function paramCell(value: unknown): Cell {
  if (Array.isArray(value)) return value.join(' ');
  return typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' ? value : JSON.stringify(value);
}

/**
 * The sweep as one tidy table: one row per finished design point, in design order, with the
 * point's index, its parameters (one column per varied path) and, per metric, the columns
 * `<metric>.mean`, `.sd`, `.se`, `.p025` and `.p975` across replications.
 */
export function sweepTable(result: SweepRows): Table {
  const { plan, points } = result;
  const table: Table = { point: points.map((p) => p.index) };
  for (const path of plan.paths) table[path] = points.map((p) => paramCell(p.params[path]));
  for (const id of plan.metrics) for (const s of SUMMARY_COLUMNS) table[`${id}.${s}`] = points.map((p) => p.metrics[id]![s]);
  return table;
}

/** The `sweep --json` document: `{rows: [{params, metrics: {id: {mean, sd, p025, p975}}}]}` in design order. */
export function sweepJson(result: SweepRows): object {
  const { plan } = result;
  return {
    sweep: plan.name,
    seed: plan.seed,
    replications: plan.replications,
    design: plan.design,
    rows: result.points.map((p) => ({
      params: p.params,
      metrics: Object.fromEntries(plan.metrics.map((id) => {
        const m = p.metrics[id]!;
        return [id, { mean: m.mean, sd: m.sd, p025: m.p025, p975: m.p975 }];
      })),
    })),
    ...(result.failures.length ? { failures: result.failures } : {}),
  };
}
