import { allMetrics } from '../engine/simulate.js';
import { parameterAt } from '../scenario/catalogue.js';
import { getPath } from '../scenario/paths.js';
import type { NumberSpec } from '../scenario/spec.js';
import { withOverrides, type Scenario } from '../scenario/load.js';
import { targetDeviation } from './checkTargets.js';
import { dependsOnPath } from './dependency.js';
import { MetricEvaluator } from './evaluator.js';
import { checkFitParameters, fittableParameters, type FitParameter } from './fittable.js';
import { planFitGroups, type FitGroupPlan } from './fitGroups.js';
import { nelderMead } from './nelderMead.js';
import type { Target } from './targets.js';

/**
 * Pull towards the starting values, per parameter, in (change / bound width)². Small against a
 * target (moving a parameter across its whole range costs what a miss of a tenth of a target's
 * half-width costs), but it decides where to stop when several parameters feed one target.
 */
export const DEFAULT_REGULARISATION = 1e-2;

export const FIT_METHOD =
  'Nelder–Mead (bounds by sine transformation, restarts) on common random numbers; objective Σ z² over the targets, z = (simulated mean − range midpoint) / half-width, plus a pull of 0.01·Σ((value − start)/width)² towards the starting values';

export interface FitOptions {
  seed?: number;
  replications?: number;
  /** The parameters to fit; default: every fittable parameter of the catalogue. */
  parameters?: readonly FitParameter[];
  /** Most objective evaluations per group and pass. Default 40 + 40·(parameters in the group). */
  maxEvaluations?: number;
  /** Rounds over the groups, refitting groups whose targets other groups' parameters move. Default 2. */
  passes?: number;
  regularisation?: number;
  /** Called after each evaluation of the objective. */
  onEvaluation?: (group: number, groups: number, evaluation: number, objective: number) => void;
  /** Called when a group's search ends in a pass, with the group's parameters and their new values. */
  onGroupDone?: (group: number, groups: number, pass: number, values: Readonly<Record<string, number>>, objective: number) => void;
}

export interface FittedParameter extends FitParameter {
  readonly start: number;
  readonly value: number;
  /** Index into FitResult.groups. */
  readonly group: number;
}

export interface FitGroupResult {
  readonly parameters: readonly string[];
  readonly targets: readonly string[];
  /** Σ z² over the group's targets at the starting and at the fitted values. */
  readonly objectiveStart: number;
  readonly objective: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

export interface FitResult {
  readonly method: string;
  readonly seed: number;
  readonly replications: number;
  readonly parameters: readonly FittedParameter[];
  readonly groups: readonly FitGroupResult[];
  /** Σ z² over every fitted target, at the start and at the fitted values (as written, rounded). */
  readonly objectiveStart: number;
  readonly objective: number;
  /** The fitted scenario (the input with the fitted values). */
  readonly scenario: Scenario;
}

/** Σ z² of targets, z = (mean − midpoint) / half-width: each target inside its range adds less than 1. */
export function targetObjective(targets: readonly Target[], means: Readonly<Record<string, number>>): number {
  let sum = 0;
  for (const t of targets) sum += targetDeviation(t, means[t.metric]!) ** 2;
  return sum;
}

/** Rounds a fitted value for the scenario file: whole numbers for counts, else 6 significant digits, within bounds. */
export function roundFitted(p: FitParameter, v: number): number {
  const r = p.integer ? Math.round(v) : Number(v.toPrecision(6));
  return Math.min(p.integer ? Math.floor(p.upper) : p.upper, Math.max(p.integer ? Math.ceil(p.lower) : p.lower, r));
}

/**
 * Fits the assumed, fittable parameters to the targets they name (never a policy value,
 * never a target). Parameters are fitted in groups that share targets; each group is a
 * bounded Nelder–Mead search that simulates only the programmes its targets need, on the
 * same seed and replications throughout (common random numbers). Starts from the scenario's
 * values, so re-fitting a fitted scenario stays where it is.
 */
export function fitScenario(scenario: Scenario, targets: readonly Target[], options: FitOptions = {}): FitResult {
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const given = options.parameters ?? fittableParameters();
  if (given.length === 0) throw new NothingToFitError();
  const targetById = new Map(targets.map((t) => [t.id, t]));
  checkFitParameters(given, new Set(targetById.keys()));
  // Whole numbers where the catalogue says so, whatever the caller passed.
  const params = given.map((p) => ({ ...p, integer: (parameterAt(p.path) as NumberSpec).integer === true }));
  const plans = planFitGroups(params);
  const lambda = options.regularisation ?? DEFAULT_REGULARISATION;
  const start = new Map(params.map((p) => [p.path, startValue(scenario, p)]));
  const current = new Map(start);
  const groupTargets = plans.map((g) => g.targets.map((id) => targetById.get(id)!));
  const runs: Array<{ evaluations: number; converged: boolean }> = plans.map(() => ({ evaluations: 0, converged: true }));
  const objectiveStart = plans.map((_, g) => groupObjective(withValues(scenario, current), groupTargets[g]!, seed, replications));

  const passes = options.passes ?? 2;
  for (let pass = 0; pass < passes; pass++) {
    let moved = false;
    plans.forEach((plan, g) => {
      if (pass > 0 && !influencedByOthers(plan, plans, groupTargets[g]!)) return;
      const before = plan.parameters.map((p) => current.get(p.path)!);
      const base = withValues(scenario, current);
      const evaluator = new MetricEvaluator(base, [...new Set(groupTargets[g]!.map((t) => t.metric))], { seed, replications });
      const objective = (x: number[]): number => {
        const overrides = Object.fromEntries(plan.parameters.map((p, i) => [p.path, p.integer ? Math.round(x[i]!) : x[i]!]));
        let value = targetObjective(groupTargets[g]!, evaluator.means(overrides));
        plan.parameters.forEach((p, i) => {
          const width = p.upper - p.lower;
          if (width > 0) value += lambda * ((x[i]! - start.get(p.path)!) / width) ** 2;
        });
        options.onEvaluation?.(g, plans.length, evaluator.evaluations, value);
        return value;
      };
      const r = nelderMead(objective, before, plan.parameters.map((p) => p.lower), plan.parameters.map((p) => p.upper), {
        maxEvaluations: options.maxEvaluations ?? 40 + 40 * plan.parameters.length,
        // 0.2% of a bound's width is finer than the targets resolve; the objective tolerance is
        // tight enough for the pull towards the start to steer along directions no target fixes.
        xTolerance: 2e-3,
        fTolerance: 1e-6,
        restarts: 2,
        // A small first simplex keeps the search local: the scenario's values are a considered
        // starting point, and a wide simplex lands far along directions that no target fixes.
        initialStep: 0.05,
      });
      plan.parameters.forEach((p, i) => current.set(p.path, roundFitted(p, r.x[i]!)));
      options.onGroupDone?.(g, plans.length, pass, Object.fromEntries(plan.parameters.map((p) => [p.path, current.get(p.path)!])), r.f);
      runs[g] = { evaluations: runs[g]!.evaluations + r.evaluations, converged: r.converged };
      if (plan.parameters.some((p, i) => Math.abs(current.get(p.path)! - before[i]!) > 1e-3 * (p.upper - p.lower))) moved = true;
    });
    if (!moved) break;
  }

  const fitted = withValues(scenario, current);
  const objectiveEnd = plans.map((_, g) => groupObjective(fitted, groupTargets[g]!, seed, replications));
  const groups: FitGroupResult[] = plans.map((plan, g) => ({
    parameters: plan.parameters.map((p) => p.path),
    targets: plan.targets,
    objectiveStart: objectiveStart[g]!,
    objective: objectiveEnd[g]!,
    evaluations: runs[g]!.evaluations,
    converged: runs[g]!.converged,
  }));
  const parameters: FittedParameter[] = plans.flatMap((plan, g) => plan.parameters.map((p) => ({ ...p, start: start.get(p.path)!, value: current.get(p.path)!, group: g })));
  return {
    method: FIT_METHOD,
    seed,
    replications,
    parameters,
    groups,
    // Groups share no target (that is how they are formed), so the totals are plain sums.
    objectiveStart: objectiveStart.reduce((a, b) => a + b, 0),
    objective: objectiveEnd.reduce((a, b) => a + b, 0),
    scenario: fitted,
  };
}

/** `--fit` on a scenario with no fittable parameter. */
export class NothingToFitError extends Error {
  constructor() {
    super('nothing to fit: no parameter is marked fittable (provenance assumed(note, { lower, upper, targets })) in the catalogue');
    this.name = 'NothingToFitError';
  }
}

function startValue(scenario: Scenario, p: FitParameter): number {
  const v = getPath(scenario.values, p.path);
  if (typeof v !== 'number') throw new Error(`fit: ${p.path} has no numeric value in the scenario`);
  return v;
}

function withValues(scenario: Scenario, values: ReadonlyMap<string, number>): Scenario {
  return withOverrides(scenario, Object.fromEntries(values), 'calibrate --fit');
}

function groupObjective(scenario: Scenario, targets: readonly Target[], seed: number, replications: number): number {
  const evaluator = new MetricEvaluator(scenario, [...new Set(targets.map((t) => t.metric))], { seed, replications });
  return targetObjective(targets, evaluator.means());
}

/** Whether parameters of other groups feed the metrics of this group's targets (then a second pass may help). */
function influencedByOthers(plan: FitGroupPlan, plans: readonly FitGroupPlan[], targets: readonly Target[]): boolean {
  const specs = new Map(allMetrics().map((m) => [m.id, m]));
  const own = new Set(plan.parameters.map((p) => p.path));
  const others = plans.flatMap((g) => g.parameters).filter((p) => !own.has(p.path));
  return targets.some((t) => {
    const spec = specs.get(t.metric);
    return spec !== undefined && others.some((p) => dependsOnPath(spec, p.path));
  });
}
