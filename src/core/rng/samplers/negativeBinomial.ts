import type { Uniform } from '../stream.js';
import { gamma } from './gamma.js';
import { poisson } from './poisson.js';

/**
 * Negative binomial counts with the given mean and dispersion k (shape), drawn as a
 * gamma–Poisson mixture: λ ~ Gamma(k, mean/k), N ~ Poisson(λ). Mean m, variance m + m²/k.
 * Small k means a few people account for most events (over-dispersion); k → ∞ is Poisson.
 */
export function negativeBinomial(u: Uniform, mean: number, dispersion: number): number {
  if (mean <= 0) return 0;
  return poisson(u, gamma(u, dispersion, mean / dispersion));
}
