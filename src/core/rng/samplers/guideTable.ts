/**
 * Inversion of cumulative weights in expected constant time with a guide table (Chen and Asau
 * 1974): guide[j] is the first category whose cumulative weight exceeds j/m, so the search for
 * a uniform x starts at guide[⌊x·m⌋] and moves up a step or two. It returns the same index as
 * `categorical` for the same uniform, without a binary search or a call through a closure.
 */

/**
 * The guide table of cumulative weights (from `cumulativeWeights`). Its length m is a power of
 * two, so x·m and j/m are exact in floating point and the start index is never past the
 * answer; at least 16 cells per category (and 64 in all), so that at most one cell in 16 holds
 * a category boundary and the step up is rarely taken (a branch the CPU predicts).
 */
export function guideTable(cumulative: Float64Array): Int32Array {
  let m = 64;
  while (m < 16 * cumulative.length) m *= 2;
  const guide = new Int32Array(m);
  let i = 0;
  for (let j = 0; j < m; j++) {
    while (i < cumulative.length - 1 && cumulative[i]! <= j / m) i++;
    guide[j] = i;
  }
  return guide;
}

/** The category of uniform x ∈ [0, 1): the first i with x < cumulative[i]. */
export function categoricalFromGuide(x: number, cumulative: Float64Array, guide: Int32Array): number {
  let i = guide[(x * guide.length) | 0]!;
  while (x >= cumulative[i]!) i++;
  return i;
}
