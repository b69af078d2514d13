import type { Table } from '../../core/table.js';
import type { FrontierPoint, FrontierResult } from './run.js';
import { describeTerms } from './terms.js';

function pointsTable(result: FrontierResult, points: readonly FrontierPoint[], withFlags: boolean): Table {
  const table: Table = { policy: points.map((p) => p.id) };
  for (const l of result.plan.levers) table[l.name] = points.map((p) => p.levers[l.name]!);
  const setPaths = [...new Set(result.plan.levers.flatMap((l) => (l.split ? l.split.paths : [])))];
  for (const path of setPaths) table[path] = points.map((p) => p.overrides[path]!);
  table.cost = points.map((p) => p.cost.mean);
  table['cost.p025'] = points.map((p) => p.cost.p025);
  table['cost.p975'] = points.map((p) => p.cost.p975);
  table.outcome = points.map((p) => p.outcome.mean);
  table['outcome.p025'] = points.map((p) => p.outcome.p025);
  table['outcome.p975'] = points.map((p) => p.outcome.p975);
  if (withFlags) table.onFrontier = points.map((p) => p.onFrontier);
  table.current = points.map((p) => p.isCurrent);
  return table;
}

/**
 * The frontier as a table, by ascending cost: each policy's lever values (and the money a
 * split sends each way), its cost and outcome with their 2.5–97.5% spread across
 * replications, and whether it is the base scenario's own policy.
 */
export function frontierTable(result: FrontierResult): Table {
  return pointsTable(result, result.frontier, false);
}

/** Every evaluated policy, in evaluation order, flagged when on the frontier. */
export function evaluatedTable(result: FrontierResult): Table {
  return pointsTable(result, result.points, true);
}

/** The `frontier --json` document. */
export function frontierJson(result: FrontierResult): object {
  const { plan } = result;
  const point = (p: FrontierPoint) => ({ policy: p.id, levers: p.levers, params: p.overrides, cost: p.cost, outcome: p.outcome, current: p.isCurrent });
  return {
    frontier: result.frontier.map(point),
    current: result.current ? point(result.current) : null,
    name: plan.name,
    method: result.method,
    budget: plan.budget,
    cost: describeTerms(plan.cost),
    outcome: describeTerms(plan.outcome),
    seed: plan.seed,
    replications: plan.replications,
    evaluations: result.points.length,
  };
}
