/**
 * Mean-one lognormal multipliers drawn from one uniform without any exponential in the
 * common case, for the hot loop (two per card-holder month).
 *
 * The uniform picks one of `TABLE_SIZE` equiprobable bins of the underlying normal. Inner
 * bins return the lognormal's exact conditional mean over the bin, so the mean is exact and
 * only the (tiny) spread within a bin is lost: the CV is within 0.05% of the target up to
 * CV 3. The two outer bins, where that spread matters, are sampled exactly by inverting the
 * normal distribution.
 */
export const TABLE_SIZE = 4096;

/** Coefficients of Acklam's rational approximation to the standard normal quantile. */
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

/** The standard normal quantile Φ⁻¹(p) for p in (0, 1), by Acklam's algorithm (relative error < 1.2e-9). */
export function inverseStandardNormal(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0]! * q + C[1]!) * q + C[2]!) * q + C[3]!) * q + C[4]!) * q + C[5]!) / ((((D[0]! * q + D[1]!) * q + D[2]!) * q + D[3]!) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0]! * r + A[1]!) * r + A[2]!) * r + A[3]!) * r + A[4]!) * r + A[5]!) * q) / (((((B[0]! * r + B[1]!) * r + B[2]!) * r + B[3]!) * r + B[4]!) * r + 1);
}

/** A tabulated mean-one lognormal with a given coefficient of variation. */
export interface LognormalTable {
  readonly cv: number;
  /** Log-scale sd σ, and the shift σ²/2 that makes the mean one. */
  readonly sigma: number;
  readonly shift: number;
  /** Conditional means of the inner bins (the outer two entries are unused). */
  readonly atoms: Float64Array;
}

/** Simpson's rule over [a, b] with `n` (even) panels. */
function simpson(f: (z: number) => number, a: number, b: number, n: number): number {
  const h = (b - a) / n;
  let s = f(a) + f(b);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * f(a + i * h);
  return (s * h) / 3;
}

/** Builds the table for coefficient of variation `cv` (0 gives all ones). */
export function lognormalTable(cv: number): LognormalTable {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const shift = (sigma * sigma) / 2;
  const atoms = new Float64Array(TABLE_SIZE).fill(1);
  if (sigma > 0) {
    const density = (z: number) => Math.exp(-0.5 * z * z);
    const weighted = (z: number) => Math.exp(sigma * z - shift - 0.5 * z * z);
    let a = inverseStandardNormal(1 / TABLE_SIZE);
    for (let i = 1; i < TABLE_SIZE - 1; i++) {
      const b = inverseStandardNormal((i + 1) / TABLE_SIZE);
      atoms[i] = simpson(weighted, a, b, 16) / simpson(density, a, b, 16);
      a = b;
    }
  }
  return { cv, sigma, shift, atoms };
}

/**
 * One draw from the table given a uniform u in [0, 1). Small enough for V8 to inline into a
 * hot loop; the two outer bins go to `sampleTail`.
 */
export function sampleLognormal(t: LognormalTable, u: number): number {
  const i = (u * TABLE_SIZE) | 0;
  return i > 0 && i < TABLE_SIZE - 1 ? t.atoms[i]! : sampleTail(t, u);
}

/** The outer bins, sampled exactly by inverting the normal distribution. */
function sampleTail(t: LognormalTable, u: number): number {
  return t.sigma > 0 ? Math.exp(t.sigma * inverseStandardNormal(u > 0 ? u : Number.MIN_VALUE) - t.shift) : 1;
}
