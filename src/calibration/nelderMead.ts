/**
 * Nelder–Mead simplex minimisation inside a box (Nelder & Mead 1965, with the standard
 * coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
 *
 * Bounds by transformation (as in D'Errico's fminsearchbnd): each coordinate is scaled to
 * u ∈ [0, 1] on its [lower, upper] and searched as an unbounded z with u = (sin z + 1) / 2.
 * Every z maps inside the box, so the objective is never called outside the bounds, and the
 * bounds themselves stay reachable. (Clamping trial points onto the box instead flattens the
 * simplex against a face, and the search then stalls there.) After convergence the search
 * restarts from the best point with a fresh simplex, until a restart no longer improves:
 * the usual remedy for Nelder–Mead's false convergence.
 */

export interface NelderMeadOptions {
  /** Largest number of objective evaluations (cached repeats do not count). Default 200·n. */
  maxEvaluations?: number;
  /** Converged when every vertex is within this distance of the best, as a share of each bound's width. Default 1e-4. */
  xTolerance?: number;
  /** …and the objective values of the vertices differ by at most this. Default 1e-8. */
  fTolerance?: number;
  /** Edge of the initial simplex, as a share of each bound's width. Default 0.15. */
  initialStep?: number;
  /** Most restarts after convergence (each from the best point found); a restart that does not improve ends the search. Default 5. */
  restarts?: number;
}

export interface NelderMeadResult {
  /** The best point found, in the caller's units, within the bounds. */
  x: number[];
  /** The objective at x. */
  f: number;
  /** Distinct points evaluated. */
  evaluations: number;
  iterations: number;
  /** True when the tolerances were met (false: stopped by maxEvaluations). */
  converged: boolean;
}

interface Vertex {
  /** Search coordinates (unbounded). */
  z: number[];
  /** The same point on the unit cube. */
  u: number[];
  f: number;
}

const toUnit = (z: number): number => (Math.sin(z) + 1) / 2;
const fromUnit = (u: number): number => Math.asin(Math.min(1, Math.max(-1, 2 * u - 1)));

/**
 * Minimises `f` over the box [lower, upper] from `start` (clamped into the box). Coordinates
 * whose lower equals upper stay fixed. Throws on a bound with lower > upper or a non-finite one.
 */
export function nelderMead(f: (x: number[]) => number, start: readonly number[], lower: readonly number[], upper: readonly number[], options: NelderMeadOptions = {}): NelderMeadResult {
  const dims = start.length;
  if (lower.length !== dims || upper.length !== dims) throw new RangeError(`nelderMead: start has ${dims} coordinates, bounds have ${lower.length} and ${upper.length}`);
  for (let i = 0; i < dims; i++) {
    if (!Number.isFinite(lower[i]!) || !Number.isFinite(upper[i]!)) throw new RangeError(`nelderMead: bound ${i} is not finite (${lower[i]}, ${upper[i]})`);
    if (lower[i]! > upper[i]!) throw new RangeError(`nelderMead: bound ${i} has lower ${lower[i]} above upper ${upper[i]}`);
  }
  // Only coordinates with room to move are searched.
  const free = [...Array(dims).keys()].filter((i) => upper[i]! > lower[i]!);
  const n = free.length;
  const maxEvaluations = options.maxEvaluations ?? 200 * Math.max(1, n);
  const xTol = options.xTolerance ?? 1e-4;
  const fTol = options.fTolerance ?? 1e-8;
  const step = options.initialStep ?? 0.15;
  const restarts = options.restarts ?? 5;

  const toX = (u: readonly number[]): number[] => {
    const x = start.map((s, i) => Math.min(upper[i]!, Math.max(lower[i]!, s)));
    free.forEach((i, k) => (x[i] = lower[i]! + u[k]! * (upper[i]! - lower[i]!)));
    return x;
  };
  const cache = new Map<string, number>();
  let evaluations = 0;
  // Cached by point: restarts and shrinks revisit points, and each evaluation may be a simulation.
  const evaluate = (z: readonly number[]): Vertex => {
    const u = z.map(toUnit);
    const key = u.join(',');
    let value = cache.get(key);
    if (value === undefined) {
      value = f(toX(u));
      if (Number.isNaN(value)) throw new Error(`nelderMead: the objective returned NaN at ${toX(u).join(', ')}`);
      cache.set(key, value);
      evaluations++;
    }
    return { z: z.slice(), u, f: value };
  };

  const startU = free.map((i) => (Math.min(upper[i]!, Math.max(lower[i]!, start[i]!)) - lower[i]!) / (upper[i]! - lower[i]!));
  let best = evaluate(startU.map(fromUnit));
  if (n === 0) return { x: toX(best.u), f: best.f, evaluations, iterations: 0, converged: true };

  let iterations = 0;
  let converged = false;
  for (let round = 0; round <= restarts; round++) {
    const before = best.f;
    // Iterations are capped too: projected points repeat, and repeats are served from the cache.
    const run = simplexSearch(evaluate, best, n, step, xTol, fTol, (runIterations) => evaluations >= maxEvaluations || iterations + runIterations >= 20 * maxEvaluations);
    iterations += run.iterations;
    best = run.best;
    converged = run.converged;
    if (!converged || (round > 0 && before - best.f <= fTol)) break;
  }
  return { x: toX(best.u), f: best.f, evaluations, iterations, converged };
}

/** One Nelder–Mead run from `from`, with an initial simplex whose edges move u by `step`. */
function simplexSearch(
  evaluate: (u: readonly number[]) => Vertex,
  from: Vertex,
  n: number,
  step: number,
  xTol: number,
  fTol: number,
  exhausted: (iterations: number) => boolean,
): { best: Vertex; iterations: number; converged: boolean } {
  const simplex: Vertex[] = [from];
  for (let k = 0; k < n; k++) {
    const z = from.z.slice();
    const uk = from.u[k]!;
    // Step inwards when the start sits near the upper face.
    z[k] = fromUnit(uk + step <= 1 ? uk + step : uk - step);
    simplex.push(evaluate(z));
  }
  let iterations = 0;
  for (;;) {
    simplex.sort((a, b) => a.f - b.f);
    const bestV = simplex[0]!;
    const worst = simplex[n]!;
    if (isConverged(simplex, xTol, fTol)) return { best: bestV, iterations, converged: true };
    if (exhausted(iterations)) return { best: bestV, iterations, converged: false };
    iterations++;
    const centroid = new Array<number>(n).fill(0);
    for (let v = 0; v < n; v++) for (let k = 0; k < n; k++) centroid[k]! += simplex[v]!.z[k]! / n;
    const along = (t: number): number[] => centroid.map((c, k) => c + t * (worst.z[k]! - c));

    const reflected = evaluate(along(-1));
    if (reflected.f < bestV.f) {
      const expanded = evaluate(along(-2));
      simplex[n] = expanded.f < reflected.f ? expanded : reflected;
      continue;
    }
    if (reflected.f < simplex[n - 1]!.f) {
      simplex[n] = reflected;
      continue;
    }
    // Contract towards the better of the worst point and its reflection.
    const contracted = reflected.f < worst.f ? evaluate(along(-0.5)) : evaluate(along(0.5));
    if (contracted.f < Math.min(reflected.f, worst.f)) {
      simplex[n] = contracted;
      continue;
    }
    for (let v = 1; v <= n; v++) simplex[v] = evaluate(simplex[v]!.z.map((x, k) => bestV.z[k]! + 0.5 * (x - bestV.z[k]!)));
  }
}

function isConverged(sorted: readonly Vertex[], xTol: number, fTol: number): boolean {
  const best = sorted[0]!;
  const spreadF = sorted[sorted.length - 1]!.f - best.f;
  if (!(spreadF <= fTol)) return false;
  for (const v of sorted) for (let k = 0; k < best.u.length; k++) if (Math.abs(v.u[k]! - best.u[k]!) > xTol) return false;
  return true;
}
