import { cumulativeWeights } from './categorical.js';
import { categoricalFromGuide, guideTable } from './guideTable.js';

/**
 * A distribution over integers made of bands (an age distribution by age bands): band b has
 * probability weights[b] / Σ weights, spread evenly over the integers from[b] … to[b]. Held
 * as the cumulative probability of every integer from the first band's start to the last
 * band's end, with a guide table: a draw is one uniform, inverted in expected constant time.
 * Meant for small ranges (one table entry per integer).
 */
export interface PiecewiseUniformInt {
  /** The smallest integer (the first band's start). */
  readonly offset: number;
  /** P(value ≤ offset + i); ends at exactly 1. */
  readonly cumulative: Float64Array;
  readonly guide: Int32Array;
}

/** Largest span of integers the table may cover. */
const MAX_SPAN = 1 << 16;

/**
 * The tables of a piecewise-uniform integer distribution. Bands are given in increasing
 * order without overlap (gaps between them have probability 0); weights ≥ 0, not all 0.
 */
export function piecewiseUniformInt(weights: readonly number[], from: readonly number[], to: readonly number[]): PiecewiseUniformInt {
  const n = weights.length;
  if (from.length !== n || to.length !== n) {
    throw new RangeError(`piecewise uniform: ${n} weights need as many band limits, got ${from.length} and ${to.length}`);
  }
  for (let b = 0; b < n; b++) {
    if (!Number.isInteger(from[b]) || !Number.isInteger(to[b]) || from[b]! > to[b]! || (b > 0 && from[b]! <= to[b - 1]!)) {
      throw new RangeError(`piecewise uniform: band ${b} must run over integers from ≤ to, after the previous band, got ${from[b]} … ${to[b]}`);
    }
  }
  const bandEnd = cumulativeWeights(weights);
  const offset = from[0]!;
  const span = to[n - 1]! - offset + 1;
  if (span > MAX_SPAN) throw new RangeError(`piecewise uniform: ${span} integers is more than the ${MAX_SPAN} the table allows`);
  const cumulative = new Float64Array(span);
  let below = 0;
  let i = 0;
  for (let b = 0; b < n; b++) {
    for (; i < from[b]! - offset; i++) cumulative[i] = below; // a gap: probability 0
    const count = to[b]! - from[b]! + 1;
    const step = (bandEnd[b]! - below) / count;
    for (let j = 1; j < count; j++, i++) {
      const c = below + j * step;
      cumulative[i] = c < bandEnd[b]! ? c : bandEnd[b]!;
    }
    // The band's last integer ends exactly at the band's cumulative weight (1 for the last band).
    cumulative[i++] = bandEnd[b]!;
    below = bandEnd[b]!;
  }
  return { offset, cumulative, guide: guideTable(cumulative) };
}

/**
 * The integer of uniform x ∈ [0, 1), by inversion: the smallest value whose cumulative
 * probability exceeds x. One uniform per draw.
 */
export function piecewiseUniformIntFromUniform(x: number, d: PiecewiseUniformInt): number {
  return d.offset + categoricalFromGuide(x, d.cumulative, d.guide);
}
