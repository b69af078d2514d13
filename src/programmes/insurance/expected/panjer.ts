import type { Layer } from '../layer.js';
import { paymentLimitedExpectedValue } from './layerExpectation.js';
import type { Severity } from './severity.js';

/** Number of events per person-year: Poisson, negative binomial (mean, shape k) or zero-inflated Poisson. */
export type Frequency =
  | { readonly kind: 'poisson'; readonly mean: number }
  | { readonly kind: 'negativeBinomial'; readonly mean: number; readonly dispersion: number }
  | { readonly kind: 'zeroInflatedPoisson'; readonly mean: number; readonly zeroShare: number };

/**
 * Discretises the per-event payment Y of a layer, capped at `cap` = m·h, on the grid
 * 0, h, …, m·h by the unbiased (local mean-preserving) method, as actuar's
 * `discretize(method = "unbiased")`: f_0 = 1 − E[Y∧h]/h, f_j = (2E[Y∧jh] − E[Y∧(j−1)h] −
 * E[Y∧(j+1)h])/h, f_m = (E[Y∧mh] − E[Y∧(m−1)h])/h. It keeps E[Y ∧ cap] exact.
 */
export function discretisePayment(sev: Severity, l: Layer, cap: number, steps: number): Float64Array {
  const h = cap / steps;
  const lev = new Float64Array(steps + 2);
  for (let j = 0; j <= steps; j++) lev[j] = paymentLimitedExpectedValue(sev, l, j * h);
  lev[steps + 1] = lev[steps]!; // Y ∧ cap is bounded by cap
  const f = new Float64Array(steps + 1);
  f[0] = 1 - lev[1]! / h;
  for (let j = 1; j < steps; j++) f[j] = Math.max(0, (2 * lev[j]! - lev[j - 1]! - lev[j + 1]!) / h);
  f[steps] = Math.max(0, (lev[steps]! - lev[steps - 1]!) / h);
  return f;
}

/** Panjer's (a, b) for a frequency of the (a, b, 0) class, and its probability generating function. */
function panjerClass(freq: Frequency): { a: number; b: number; pgf: (z: number) => number } {
  if (freq.kind === 'negativeBinomial') {
    const beta = freq.mean / freq.dispersion;
    const k = freq.dispersion;
    return { a: beta / (1 + beta), b: ((k - 1) * beta) / (1 + beta), pgf: (z) => Math.pow(1 - beta * (z - 1), -k) };
  }
  const lambda = freq.kind === 'poisson' ? freq.mean : freq.mean / (1 - freq.zeroShare);
  return { a: 0, b: lambda, pgf: (z) => Math.exp(lambda * (z - 1)) };
}

/**
 * Probabilities of the aggregate S = Y_1 + … + Y_N at 0, h, …, (m−1)h by Panjer's recursion
 * (f_S(s) = Σ_j (a + b j/s) f_Y(j) f_S(s−j) / (1 − a f_Y(0))). For the zero-inflated Poisson
 * it is the Poisson part; the caller mixes in the structural zeros.
 */
export function panjerAggregate(freq: Frequency, severityPmf: Float64Array, points: number): Float64Array {
  const { a, b, pgf } = panjerClass(freq);
  const fS = new Float64Array(points);
  const f0 = severityPmf[0]!;
  fS[0] = pgf(f0);
  const norm = 1 / (1 - a * f0);
  for (let s = 1; s < points; s++) {
    let acc = 0;
    const top = Math.min(s, severityPmf.length - 1);
    for (let j = 1; j <= top; j++) acc += (a + (b * j) / s) * severityPmf[j]! * fS[s - j]!;
    fS[s] = acc * norm;
  }
  return fS;
}

/**
 * Expected annual payment of a layer with an annual aggregate limit A, E[min(S, A)], with S
 * the sum of the per-event payments over a year's events. Exact when the limit is infinite
 * (E[N]·E[Y]); otherwise by Panjer's recursion on the payment discretised into `steps`
 * points below A (error O(A/steps)).
 */
export function expectedAnnualPayment(freq: Frequency, sev: Severity, l: Layer, steps = 2000): number {
  if (freq.mean <= 0) return 0;
  const perEventMean = paymentLimitedExpectedValue(sev, l, Infinity);
  if (l.annualLimit === Infinity) return freq.mean * perEventMean;
  const cap = l.annualLimit;
  if (cap <= 0) return 0;
  const h = cap / steps;
  const fY = discretisePayment(sev, l, cap, steps);
  const fS = panjerAggregate(freq, fY, steps);
  let below = 0;
  let mass = 0;
  for (let s = 0; s < steps; s++) {
    below += s * h * fS[s]!;
    mass += fS[s]!;
  }
  const expected = below + cap * Math.max(0, 1 - mass);
  return freq.kind === 'zeroInflatedPoisson' ? (1 - freq.zeroShare) * expected : expected;
}
