import { randomStream } from '../core/rng/stream.js';
import { mean, sampleSd } from '../metrics/summary.js';
import type { Scenario } from '../scenario/load.js';
import { MetricEvaluator } from './evaluator.js';
import { dependsOnPath } from './dependency.js';
import { metricSpec } from './explain.js';
import { fittableParameters, type FitParameter } from './fittable.js';

export interface MorrisOptions {
  /** Metrics to screen (all in one set of runs). */
  metrics: readonly string[];
  /** Parameters and their ranges; default: the fittable parameters (fit bounds) that some of the metrics depend on. */
  parameters?: readonly FitParameter[];
  /** Random trajectories r. Default 6. */
  trajectories?: number;
  /** Grid levels p (even). Default 4, so the step Δ = p / (2(p − 1)) = 2/3 of each range. */
  levels?: number;
  seed?: number;
  replications?: number;
  onEvaluation?: (done: number, total: number) => void;
}

/** Elementary-effect statistics of one parameter on one metric, per full range of the parameter. */
export interface MorrisRow {
  readonly path: string;
  readonly metric: string;
  /** μ*: mean absolute elementary effect (the screening measure of Campolongo et al. 2007). */
  readonly muStar: number;
  /** μ: mean signed effect (direction; cancels when effects change sign). */
  readonly mu: number;
  /** σ: spread of the effects (interactions or non-linearity). */
  readonly sigma: number;
}

export interface MorrisResult {
  readonly parameters: readonly FitParameter[];
  readonly metrics: readonly string[];
  readonly trajectories: number;
  readonly levels: number;
  readonly step: number;
  readonly evaluations: number;
  /** Per metric, parameters by μ* descending. */
  readonly rows: readonly MorrisRow[];
}

/**
 * Morris elementary-effects screening (Morris 1991): r random one-at-a-time trajectories over a
 * p-level grid of the parameters' ranges, each changing every parameter once by Δ. An effect is
 * (change of the metric's mean) / Δ, with Δ a share of the range, so it reads as "the metric's
 * change over the parameter's full range". The trajectories come from the seed; the runs use
 * common random numbers.
 */
export function morris(scenario: Scenario, options: MorrisOptions): MorrisResult {
  const params = options.parameters ?? screenedParameters(options.metrics);
  const r = options.trajectories ?? 6;
  const p = options.levels ?? 4;
  if (params.length === 0) throw new RangeError(`morris: no parameter to screen (no fittable parameter feeds ${options.metrics.join(', ')})`);
  if (!(Number.isInteger(r) && r >= 2)) throw new RangeError(`morris: at least 2 trajectories are needed, got ${r}`);
  if (!(Number.isInteger(p) && p >= 2 && p % 2 === 0)) throw new RangeError(`morris: levels must be an even whole number ≥ 2, got ${p}`);
  for (const q of params) if (!(q.lower < q.upper)) throw new RangeError(`morris: ${q.path} has lower ${q.lower} not below upper ${q.upper}`);
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const step = p / (2 * (p - 1));
  const k = params.length;
  const u = randomStream(seed, 0, 'engine', 'morris-trajectories');
  const evaluator = new MetricEvaluator(scenario, options.metrics, { seed, replications });
  const total = r * (k + 1);
  const at = (x: readonly number[]): Record<string, number> =>
    evaluator.means(Object.fromEntries(params.map((q, i) => {
      const v = q.lower + x[i]! * (q.upper - q.lower);
      return [q.path, q.integer ? Math.round(v) : v];
    })));
  const effects = params.map(() => options.metrics.map(() => [] as number[]));
  // Base levels from which a step of Δ stays on the grid: 0, 1/(p−1), …, 1 − Δ.
  const baseLevels = Array.from({ length: p / 2 }, (_, j) => j / (p - 1));
  let done = 0;
  for (let t = 0; t < r; t++) {
    const x = params.map(() => baseLevels[Math.floor(u() * baseLevels.length)]!);
    const up = params.map(() => u() < 0.5);
    for (let i = 0; i < k; i++) if (!up[i]) x[i]! += step;
    const order = shuffled(k, u);
    let before = at(x);
    options.onEvaluation?.(++done, total);
    for (const i of order) {
      x[i] = up[i] ? x[i]! + step : x[i]! - step;
      const after = at(x);
      options.onEvaluation?.(++done, total);
      options.metrics.forEach((m, j) => effects[i]![j]!.push((after[m]! - before[m]!) / (up[i] ? step : -step)));
      before = after;
    }
  }
  const rows: MorrisRow[] = [];
  options.metrics.forEach((metric, j) => {
    const forMetric = params.map((q, i) => {
      const ee = effects[i]![j]!;
      return { path: q.path, metric, muStar: mean(ee.map(Math.abs)), mu: mean(ee), sigma: sampleSd(ee) };
    });
    forMetric.sort((a, b) => b.muStar - a.muStar || (a.path < b.path ? -1 : 1));
    rows.push(...forMetric);
  });
  return { parameters: params, metrics: options.metrics, trajectories: r, levels: p, step, evaluations: evaluator.evaluations, rows };
}

/** The fittable parameters (with room to move) that at least one of the metrics depends on. */
export function screenedParameters(metrics: readonly string[]): FitParameter[] {
  const specs = metrics.map(metricSpec);
  return fittableParameters().filter((p) => p.upper > p.lower && specs.some((m) => dependsOnPath(m, p.path)));
}

/** A random permutation of 0..n−1 (Fisher–Yates). */
function shuffled(n: number, u: () => number): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}
