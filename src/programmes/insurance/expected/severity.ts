import { regularizedGammaP } from './incompleteGamma.js';
import { normalCdf } from './normalCdf.js';

/** A loss (severity) distribution with a closed-form limited expected value. */
export type Severity = { readonly kind: 'lognormal'; readonly mu: number; readonly sigma: number } | { readonly kind: 'gamma'; readonly shape: number; readonly scale: number };

/** The lognormal or gamma severity with the given mean and coefficient of variation (cv > 0). */
export function severityFromMeanCv(kind: Severity['kind'], mean: number, cv: number): Severity {
  if (!(mean > 0) || !(cv > 0)) throw new RangeError(`severity needs mean > 0 and cv > 0, got mean ${mean}, cv ${cv}`);
  if (kind === 'lognormal') {
    const sigma2 = Math.log(1 + cv * cv);
    return { kind, mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
  }
  const shape = 1 / (cv * cv);
  return { kind, shape, scale: mean / shape };
}

export function severityMean(s: Severity): number {
  return s.kind === 'lognormal' ? Math.exp(s.mu + (s.sigma * s.sigma) / 2) : s.shape * s.scale;
}

/** Distribution function F(x) = P(X ≤ x). */
export function severityCdf(s: Severity, x: number): number {
  if (!(x > 0)) return 0;
  if (s.kind === 'lognormal') return normalCdf((Math.log(x) - s.mu) / s.sigma);
  return regularizedGammaP(s.shape, x / s.scale);
}

/**
 * Limited expected value E[min(X, x)] (Klugman, Panjer & Willmot, Appendix A):
 *   lognormal: e^{μ+σ²/2} Φ((ln x − μ − σ²)/σ) + x (1 − Φ((ln x − μ)/σ))
 *   gamma:     αθ P(α+1, x/θ) + x (1 − P(α, x/θ))
 */
export function limitedExpectedValue(s: Severity, x: number): number {
  if (!(x > 0)) return 0;
  if (x === Infinity) return severityMean(s);
  if (s.kind === 'lognormal') {
    const z = (Math.log(x) - s.mu) / s.sigma;
    return Math.exp(s.mu + (s.sigma * s.sigma) / 2) * normalCdf(z - s.sigma) + x * (1 - normalCdf(z));
  }
  const t = x / s.scale;
  return s.shape * s.scale * regularizedGammaP(s.shape + 1, t) + x * (1 - regularizedGammaP(s.shape, t));
}
