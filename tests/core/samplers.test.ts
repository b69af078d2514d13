import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';
import {
  bernoulli,
  binomial,
  categorical,
  cumulativeWeights,
  exponential,
  gamma,
  lognormal,
  lognormalMeanCv,
  negativeBinomial,
  normal,
  poisson,
  uniform,
} from '../../src/core/rng/samplers/index.js';

const N = 200_000;

/** Sample mean and variance of n draws. */
function moments(draw: () => number, n = N): { mean: number; variance: number } {
  let s = 0;
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const x = draw();
    s += x;
    ss += x * x;
  }
  const mean = s / n;
  return { mean, variance: (ss - n * mean * mean) / (n - 1) };
}

/**
 * Checks the sample mean is within 4.5 standard errors of the analytic mean, and the sample
 * variance within a relative tolerance (its sampling error depends on the fourth moment).
 */
function expectMoments(draw: () => number, mean: number, variance: number, varTol = 0.05): void {
  const m = moments(draw);
  expect(Math.abs(m.mean - mean)).toBeLessThan(4.5 * Math.sqrt(variance / N) + 1e-12);
  expect(Math.abs(m.variance - variance) / variance).toBeLessThan(varTol);
}

describe('samplers match their analytic mean and variance', () => {
  const u = randomStream(7, 0, 'engine', 'sampler-tests');
  it('uniform(a, b)', () => expectMoments(() => uniform(u, 2, 5), 3.5, 9 / 12));
  it('bernoulli(p)', () => expectMoments(() => bernoulli(u, 0.3), 0.3, 0.21));
  it('binomial(n, p), small and large p', () => {
    expectMoments(() => binomial(u, 20, 0.15), 3, 20 * 0.15 * 0.85);
    expectMoments(() => binomial(u, 50, 0.8), 40, 50 * 0.8 * 0.2);
  });
  it('poisson(λ) by inversion and by PTRS', () => {
    expectMoments(() => poisson(u, 1.15), 1.15, 1.15);
    expectMoments(() => poisson(u, 45), 45, 45);
  });
  it('negative binomial(mean, k) has variance m + m²/k', () => expectMoments(() => negativeBinomial(u, 2, 0.8), 2, 2 + 4 / 0.8, 0.1));
  it('normal(μ, σ)', () => expectMoments(() => normal(u, 10, 3), 10, 9));
  it('lognormal(μ, σ)', () => {
    const mu = 1;
    const s = 0.5;
    expectMoments(() => lognormal(u, mu, s), Math.exp(mu + (s * s) / 2), (Math.exp(s * s) - 1) * Math.exp(2 * mu + s * s));
  });
  it('lognormal by mean and coefficient of variation', () => expectMoments(() => lognormalMeanCv(u, 8604.7, 0.8), 8604.7, (0.8 * 8604.7) ** 2, 0.1));
  it('gamma(shape, scale) for shape above and below 1', () => {
    expectMoments(() => gamma(u, 3, 2), 6, 12);
    expectMoments(() => gamma(u, 0.5, 4), 2, 8, 0.08);
  });
  it('exponential(rate)', () => expectMoments(() => exponential(u, 0.5), 2, 4));
  it('categorical(weights)', () => {
    const cdf = cumulativeWeights([1, 2, 7]);
    // mean of the index: 0·0.1 + 1·0.2 + 2·0.7 = 1.6; E[i²] = 0.2 + 2.8 = 3.0
    expectMoments(() => categorical(u, cdf), 1.6, 3.0 - 1.6 * 1.6);
  });
  it('rejects all-zero or negative weights', () => {
    expect(() => cumulativeWeights([0, 0])).toThrow(/not all be zero/);
    expect(() => cumulativeWeights([1, -1])).toThrow(/≥ 0/);
  });
});
