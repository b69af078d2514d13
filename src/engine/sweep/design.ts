import { randomStream, type Uniform } from '../../core/rng/stream.js';

/**
 * Experimental designs over the varied parameters. A dimension is either a finite list of
 * values (a list in the file, or a range with steps) or a continuous interval (a range
 * without steps, only in a Latin hypercube). Designs are pure functions of their inputs
 * and the sweep seed, so every worker count and every shard sees the same points.
 */
export type Dimension = { kind: 'levels'; values: readonly unknown[] } | { kind: 'interval'; from: number; to: number; tidy: (x: number) => unknown };

export type DesignKind = { type: 'grid' } | { type: 'lhs'; n: number };

/** Largest design accepted: bigger ones are almost always a typo (steps: 1000 on four paths). */
export const MAX_DESIGN_POINTS = 200_000;

/** Number of points a grid over these dimensions has (Infinity when a dimension is an interval). */
export function gridSize(dimensions: readonly Dimension[]): number {
  let n = 1;
  for (const d of dimensions) n *= d.kind === 'levels' ? d.values.length : Infinity;
  return n;
}

/** Full factorial design: every combination, the first dimension varying slowest. */
export function gridDesign(dimensions: readonly Dimension[]): unknown[][] {
  const size = gridSize(dimensions);
  if (!Number.isFinite(size)) throw new RangeError('a grid needs a finite list of values on every dimension');
  const points: unknown[][] = [];
  for (let i = 0; i < size; i++) {
    const point = new Array<unknown>(dimensions.length);
    let rest = i;
    for (let d = dimensions.length - 1; d >= 0; d--) {
      const values = (dimensions[d] as { values: readonly unknown[] }).values;
      point[d] = values[rest % values.length];
      rest = Math.floor(rest / values.length);
    }
    points.push(point);
  }
  return points;
}

/** A uniformly random permutation of 0 … n−1 (Fisher–Yates). */
export function permutation(n: number, u: Uniform): Int32Array {
  const p = new Int32Array(n);
  for (let i = 0; i < n; i++) p[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/**
 * Latin hypercube of n points: each dimension is cut into n equal strata and every stratum
 * is used exactly once, in an independent random order per dimension. A list of k values
 * maps stratum s to value ⌊s·k/n⌋, so each value appears n/k times (±1).
 */
export function latinHypercube(dimensions: readonly Dimension[], n: number, u: Uniform): unknown[][] {
  const columns = dimensions.map((d) => {
    const order = permutation(n, u);
    const column = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const stratum = order[i]!;
      if (d.kind === 'levels') column[i] = d.values[Math.floor((stratum * d.values.length) / n)];
      else column[i] = d.tidy(d.from + ((stratum + u()) / n) * (d.to - d.from));
    }
    return column;
  });
  return Array.from({ length: n }, (_, i) => columns.map((c) => c[i]));
}

/** The design's points, as value tuples in dimension order. */
export function designPoints(kind: DesignKind, dimensions: readonly Dimension[], seed: number): unknown[][] {
  if (kind.type === 'grid') return gridDesign(dimensions);
  return latinHypercube(dimensions, kind.n, randomStream(seed, 0, 'engine', 'sweep-design'));
}

/** Indices of shard k of n (0-based k): every n-th point from k, so each shard gets a mix of the design. */
export function shardIndices(total: number, k: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 0 || k >= n) throw new RangeError(`shard ${k}/${n}: expected 0 ≤ k < n`);
  const out: number[] = [];
  for (let i = k; i < total; i += n) out.push(i);
  return out;
}
