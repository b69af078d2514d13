import type { Uniform } from '../stream.js';

/**
 * Binomial(n, p) by inversion: walks the CDF from 0 with the pmf recurrence, on the smaller
 * of p and 1−p so the walk is short. Mean np, variance np(1−p).
 */
export function binomial(u: Uniform, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const ratio = q / (1 - q);
  let pmf = Math.pow(1 - q, n);
  let cdf = pmf;
  let k = 0;
  const x = u();
  while (x >= cdf && k < n) {
    pmf *= (ratio * (n - k)) / (k + 1);
    k++;
    cdf += pmf;
  }
  return flip ? n - k : k;
}
