import type { Uniform } from '../stream.js';

/** Cumulative weights for `categorical`, normalised to end at 1. Weights must be ≥ 0, not all 0. */
export function cumulativeWeights(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`category weight ${i} must be a finite number ≥ 0, got ${w}`);
    sum += w;
    out[i] = sum;
  }
  if (sum <= 0) throw new RangeError('categorical weights must not all be zero');
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  out[out.length - 1] = 1;
  return out;
}

/** Index i with probability weights[i] / Σ weights, given cumulative weights. */
export function categorical(u: Uniform, cumulative: Float64Array): number {
  const x = u();
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < cumulative[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
