import { summarise } from '../../metrics/summary.js';
import { defaultWorkers, SweepPool } from '../sweep/pool.js';
import type { PointTask } from '../sweep/protocol.js';
import { describePoint } from '../sweep/spec.js';
import { DEFAULT_LEVELS, defaultMaxEvaluations, searchEpsilon } from './epsilon.js';
import { NSGA2_DEFAULT_GENERATIONS, nsga2PopulationSize, searchNsga2 } from './nsga2.js';
import type { Candidate, FrontierProblem, SearchResult } from './problem.js';
import { leverOverrides, type FrontierPlan } from './spec.js';
import { evaluateTerms, termMetrics } from './terms.js';

/** Mean and 2.5–97.5% spread across replications. */
export interface Spread {
  mean: number;
  p025: number;
  p975: number;
}

/** One evaluated policy: its lever values, the parameters they set, and its cost and outcome. */
export interface FrontierPoint {
  readonly id: number;
  /** Lever name → value. */
  readonly levers: Record<string, number>;
  /** Parameter path → value the levers set. */
  readonly overrides: Record<string, number>;
  readonly cost: Spread;
  readonly outcome: Spread;
  readonly onFrontier: boolean;
  /** True for the base scenario's own lever values. */
  readonly isCurrent: boolean;
}

export interface FrontierResult {
  readonly plan: FrontierPlan;
  readonly method: string;
  /** Every policy evaluated, in evaluation order. */
  readonly points: FrontierPoint[];
  /** Within budget, non-dominated, by ascending cost. */
  readonly frontier: FrontierPoint[];
  readonly current?: FrontierPoint;
}

export interface FrontierRunOptions {
  workers?: number;
  /** Called as evaluations progress: (evaluations so far, expected total); the last call has done = total. */
  onProgress?: (evaluations: number, expected: number) => void;
}

/** About how many policies the search will evaluate (for progress bars; the ε search may stop earlier). */
export function expectedEvaluations(plan: FrontierPlan): number {
  const s = plan.search;
  if (s.method === 'nsga2') return nsga2PopulationSize(plan.levers.length, s.population) * ((s.generations ?? NSGA2_DEFAULT_GENERATIONS) + 1);
  return s.maxEvaluations ?? defaultMaxEvaluations(plan.levers.length, s.levels ?? DEFAULT_LEVELS);
}

function spread(values: readonly number[]): Spread {
  const s = summarise(values);
  return { mean: s.mean, p025: s.p025, p975: s.p975 };
}

/**
 * Searches the budget frontier of a plan: each policy (lever vector) is simulated on worker
 * threads with the plan's replications and seed, so every policy sees the same random
 * streams and the search compares them on common random numbers. A policy whose
 * simulation fails stops the search with an error naming it and its parameters.
 */
export async function runFrontier(plan: FrontierPlan, options: FrontierRunOptions = {}): Promise<FrontierResult> {
  const metrics = [...new Set([...termMetrics(plan.cost), ...termMetrics(plan.outcome)])];
  const spreads = new Map<string, { cost: Spread; outcome: Spread }>();
  const pool = SweepPool.open(plan.base, Math.max(1, options.workers ?? defaultWorkers()));
  const expected = expectedEvaluations(plan);
  let evaluations = 0;
  const problem: FrontierProblem = {
    levers: plan.levers,
    budget: plan.budget,
    evaluate: async (batch) => {
      const tasks: PointTask[] = batch.map((x, index) => ({ type: 'point', index, overrides: leverOverrides(plan.levers, x), seed: plan.seed, replications: plan.replications, metrics, perReplication: true }));
      const results = new Array<{ cost: number; outcome: number }>(batch.length);
      const failures: string[] = [];
      await pool.run(tasks, (reply) => {
        if (reply.type === 'failed') {
          failures.push(`policy ${describePoint(tasks[reply.index]!.overrides)}: ${reply.error}`);
          return;
        }
        const cost = spread(evaluateTerms(plan.cost, reply.perReplication!, plan.replications));
        const outcome = spread(evaluateTerms(plan.outcome, reply.perReplication!, plan.replications));
        spreads.set(JSON.stringify(batch[reply.index]), { cost, outcome });
        results[reply.index] = { cost: cost.mean, outcome: outcome.mean };
        // the ε search may run a little past or stop short of the expected count: the display ends at the last call
        options.onProgress?.(Math.min(++evaluations, expected - 1), expected);
      });
      if (failures.length) throw new Error(`the frontier search stopped: ${failures.length} polic${failures.length === 1 ? 'y' : 'ies'} failed to simulate\n  ${failures.join('\n  ')}`);
      return results;
    },
  };
  const initial = plan.levers.every((l) => l.current !== undefined) ? [plan.levers.map((l) => l.current!)] : [];
  let found: SearchResult;
  try {
    found = plan.search.method === 'nsga2' ? await searchNsga2(problem, { ...plan.search, initial }) : await searchEpsilon(problem, { ...plan.search, initial });
  } finally {
    await pool.close();
  }
  options.onProgress?.(evaluations, evaluations);
  const onFrontier = new Set(found.frontier.map((c) => c.id));
  const currentKey = initial.length ? JSON.stringify(initial[0]) : undefined;
  const point = (c: Candidate): FrontierPoint => ({
    id: c.id,
    levers: Object.fromEntries(plan.levers.map((l, i) => [l.name, c.x[i]!])),
    overrides: leverOverrides(plan.levers, c.x),
    ...spreads.get(JSON.stringify(c.x))!,
    onFrontier: onFrontier.has(c.id),
    isCurrent: JSON.stringify(c.x) === currentKey,
  });
  const points = found.evaluated.map(point);
  const current = points.find((p) => p.isCurrent);
  return { plan, method: found.method, points, frontier: found.frontier.map((c) => points[c.id]!), ...(current ? { current } : {}) };
}
