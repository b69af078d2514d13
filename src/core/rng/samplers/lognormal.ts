import type { Uniform } from '../stream.js';
import { fastExp } from './fastExp.js';
import { normal } from './normal.js';
import { zigguratNormal } from './ziggurat.js';

/** Lognormal with log-scale parameters μ and σ. Mean exp(μ+σ²/2), variance (e^{σ²}−1)e^{2μ+σ²}. */
export function lognormal(u: Uniform, mu: number, sigma: number): number {
  return Math.exp(normal(u, mu, sigma));
}

/** The (μ, σ) of a lognormal with the given mean and coefficient of variation (sd/mean). */
export function lognormalParamsFromMeanCv(mean: number, cv: number): { mu: number; sigma: number } {
  const sigma2 = Math.log(1 + cv * cv);
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

// The last (mean, cv) asked for and its (μ, σ): callers draw many values with the same
// parameters in a row (a population's incomes, a cover's costs), so the logarithms and the
// square root are computed once and no object is made per draw. Same numbers as computing
// them each time.
let lastMean = NaN;
let lastCv = NaN;
let lastMu = 0;
let lastSigma = 0;

/** Lognormal parameterised by its mean and coefficient of variation, as costs usually are. */
export function lognormalMeanCv(u: Uniform, mean: number, cv: number): number {
  if (mean !== lastMean || cv !== lastCv) {
    const sigma2 = Math.log(1 + cv * cv);
    lastMu = Math.log(mean) - sigma2 / 2;
    lastSigma = Math.sqrt(sigma2);
    lastMean = mean;
    lastCv = cv;
  }
  return lognormal(u, lastMu, lastSigma);
}

/**
 * Lognormal with log-scale parameters μ and σ, as `lognormal` but from the ziggurat normal and
 * an inlinable exponential: about one uniform per draw and no call into C, for hot loops.
 * Same distribution as `lognormal`, different draws from the same stream.
 */
export function lognormalFast(u: Uniform, mu: number, sigma: number): number {
  return fastExp(mu + sigma * zigguratNormal(u));
}
