import { getPath } from '../scenario/paths.js';
import { flattenCatalogue } from '../scenario/catalogue.js';
import { ScenarioError } from '../scenario/issues.js';
import type { Scenario } from '../scenario/load.js';
import type { NumberSpec } from '../scenario/spec.js';
import { dependsOnPath } from './dependency.js';
import { MetricEvaluator } from './evaluator.js';
import { metricSpec } from './explain.js';

export interface TornadoOptions {
  /** Relative change of each parameter, e.g. 0.1 for ±10%. */
  delta?: number;
  seed?: number;
  replications?: number;
  /** Parameter paths to vary; default: every assumed number parameter the metric depends on. */
  parameters?: readonly string[];
  onEvaluation?: (done: number, total: number) => void;
}

export interface TornadoRow {
  readonly path: string;
  readonly en: string;
  readonly zh: string;
  readonly unit: string;
  readonly base: number;
  /** The parameter's values at the low and high end (after rounding and the parameter's bounds). */
  readonly paramLow: number;
  readonly paramHigh: number;
  /** The metric's mean at those values. */
  readonly low: number;
  readonly high: number;
  /** |high − low|. */
  readonly swing: number;
}

export interface TornadoResult {
  readonly metric: string;
  readonly baseline: number;
  readonly delta: number;
  readonly seed: number;
  readonly replications: number;
  /** Widest swing first. */
  readonly rows: readonly TornadoRow[];
  readonly skipped: ReadonlyArray<{ path: string; reason: string }>;
}

/** The assumed number parameters a metric depends on (simulation settings excluded). */
export function assumedParametersOf(metricId: string): string[] {
  const metric = metricSpec(metricId);
  return flattenCatalogue()
    .filter(({ path, spec }) => spec.type === 'number' && spec.source.kind === 'assumed' && !path.startsWith('simulation.') && dependsOnPath(metric, path))
    .map((e) => e.path);
}

/** value·(1 ± delta), rounded for whole-number parameters (at least one step), within the parameter's range. */
export function perturb(spec: NumberSpec, value: number, delta: number, sign: 1 | -1): number {
  let v = value * (1 + sign * delta);
  if (spec.integer) {
    v = Math.round(v);
    if (v === value && value !== 0) v = value + sign;
  }
  if (spec.min !== undefined) v = Math.max(spec.min, v);
  if (spec.max !== undefined) v = Math.min(spec.max, v);
  return v;
}

/**
 * One-at-a-time sensitivity: each parameter at ±delta of its value with all others at the
 * scenario's values, on common random numbers (same seed and replications everywhere), so the
 * swing is the parameter's effect, not noise. A parameter whose value is 0, or whose changed
 * value the scenario's rules refuse, is listed as skipped with the reason.
 */
export function tornado(scenario: Scenario, metricId: string, options: TornadoOptions = {}): TornadoResult {
  metricSpec(metricId);
  const delta = options.delta ?? 0.1;
  if (!(delta > 0 && delta < 1)) throw new RangeError(`tornado: delta must be between 0 and 1 (exclusive), got ${delta}`);
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const specs = new Map(flattenCatalogue().map((e) => [e.path, e.spec]));
  const paths = options.parameters ?? assumedParametersOf(metricId);
  const evaluator = new MetricEvaluator(scenario, [metricId], { seed, replications });
  const baseline = evaluator.means()[metricId]!;
  const rows: TornadoRow[] = [];
  const skipped: Array<{ path: string; reason: string }> = [];
  let done = 0;
  for (const path of paths) {
    const spec = specs.get(path);
    if (!spec || spec.type !== 'number') {
      skipped.push({ path, reason: spec ? `not a number parameter (${spec.type})` : 'unknown parameter' });
      continue;
    }
    const base = getPath(scenario.values, path) as number;
    const paramLow = perturb(spec, base, delta, -1);
    const paramHigh = perturb(spec, base, delta, 1);
    if (paramLow === base && paramHigh === base) {
      skipped.push({ path, reason: base === 0 ? 'value is 0: a relative change moves nothing' : 'at both ends of its valid range' });
      continue;
    }
    try {
      const low = paramLow === base ? baseline : evaluator.means({ [path]: paramLow })[metricId]!;
      const high = paramHigh === base ? baseline : evaluator.means({ [path]: paramHigh })[metricId]!;
      rows.push({ path, en: spec.en, zh: spec.zh, unit: spec.unit, base, paramLow, paramHigh, low, high, swing: Math.abs(high - low) });
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      skipped.push({ path, reason: `changed value refused: ${e.issues[0]?.problem ?? e.message}` });
    }
    options.onEvaluation?.(++done, paths.length);
  }
  rows.sort((a, b) => b.swing - a.swing || (a.path < b.path ? -1 : 1));
  return { metric: metricId, baseline, delta, seed, replications, rows, skipped };
}
