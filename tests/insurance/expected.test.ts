import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';
import { gamma, lognormal, negativeBinomial } from '../../src/core/rng/samplers/index.js';
import { regularizedGammaP } from '../../src/programmes/insurance/expected/incompleteGamma.js';
import { expectedEventPayment, expectedPerDayPayment } from '../../src/programmes/insurance/expected/layerExpectation.js';
import { normalCdf } from '../../src/programmes/insurance/expected/normalCdf.js';
import { expectedAnnualPayment, type Frequency } from '../../src/programmes/insurance/expected/panjer.js';
import { limitedExpectedValue, severityCdf, severityFromMeanCv, severityMean, type Severity } from '../../src/programmes/insurance/expected/severity.js';
import { eventPayment, layer, payYear, type Layer } from '../../src/programmes/insurance/layer.js';
import { expectedClaimsByType } from '../../src/programmes/insurance/pricing.js';
import { baseline } from './helpers.js';

function draw(u: () => number, s: Severity): number {
  return s.kind === 'lognormal' ? lognormal(u, s.mu, s.sigma) : gamma(u, s.shape, s.scale);
}

function meanAndSe(xs: Float64Array): { mean: number; se: number } {
  let s = 0;
  let ss = 0;
  for (const x of xs) {
    s += x;
    ss += x * x;
  }
  const mean = s / xs.length;
  return { mean, se: Math.sqrt((ss / xs.length - mean * mean) / (xs.length - 1)) };
}

describe('special functions', () => {
  it('normal distribution function', () => {
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 13);
    expect(normalCdf(-3)).toBeCloseTo(0.0013498980316301, 14);
    expect(normalCdf(9)).toBeCloseTo(1, 15);
  });

  it('regularised incomplete gamma', () => {
    for (const x of [0.1, 1, 3, 10, 40]) expect(regularizedGammaP(1, x)).toBeCloseTo(1 - Math.exp(-x), 13);
    // P(1/2, x) = erf(√x) = 2Φ(√(2x)) − 1
    for (const x of [0.2, 1, 4, 9]) expect(regularizedGammaP(0.5, x)).toBeCloseTo(2 * normalCdf(Math.sqrt(2 * x)) - 1, 12);
    // P(a+1, x) = P(a, x) − x^a e^{−x} / Γ(a+1)
    expect(regularizedGammaP(3, 2.5)).toBeCloseTo(regularizedGammaP(2, 2.5) - (2.5 ** 2 * Math.exp(-2.5)) / 2, 13);
  });
});

describe('limited expected values', () => {
  const severities: Severity[] = [severityFromMeanCv('lognormal', 13_306, 1.3), severityFromMeanCv('gamma', 6_015, 0.8), severityFromMeanCv('gamma', 3_000, 2)];

  it('equal ∫₀ᵘ (1 − F(x)) dx, by Simpson integration', () => {
    for (const s of severities) {
      for (const u of [500, 5_000, 20_000, 80_000]) {
        const n = 20_000;
        const h = u / n;
        let acc = 0;
        for (let i = 0; i <= n; i++) acc += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * (1 - severityCdf(s, i * h));
        const numeric = (acc * h) / 3;
        // relative: Simpson is slow where the gamma density is infinite at 0 (shape < 1)
        expect(Math.abs(limitedExpectedValue(s, u) - numeric)).toBeLessThan(1e-4 * numeric);
      }
      expect(limitedExpectedValue(s, Infinity)).toBeCloseTo(severityMean(s), 6);
    }
  });

  it('Monte Carlo mean of per-event layers agrees with the closed form within 4 standard errors', () => {
    const layers: Layer[] = [
      layer({ deductible: 500, coinsurance: 0.68 }),
      layer({ deductible: 0, coinsurance: 0.8, limit: 5_000, limitOn: 'payment' }),
      layer({ deductible: 2_000, coinsurance: 0.5, limit: 30_000, limitOn: 'loss' }),
    ];
    const n = 100_000;
    for (const s of severities) {
      const u = randomStream(7, 0, 'insurance', `test.${s.kind}`);
      const losses = new Float64Array(n);
      for (let i = 0; i < n; i++) losses[i] = draw(u, s);
      for (const l of layers) {
        const pays = losses.map((x) => eventPayment(l, x));
        const { mean, se } = meanAndSe(pays);
        const exact = expectedEventPayment(s, l);
        expect(Math.abs(mean - exact)).toBeLessThan(4 * se);
      }
    }
  });

  it('per-day layer: expectation over the pmf of days', () => {
    const l = layer({ perDay: 100, deductible: 200, limit: 1_000 });
    // days 0..4 with probabilities .1 .2 .3 .2 .2: pays 0, 0, 0, 100, 200
    expect(expectedPerDayPayment(l, [0.1, 0.2, 0.3, 0.2, 0.2])).toBeCloseTo(0.2 * 100 + 0.2 * 200, 12);
  });
});

describe('annual aggregate limit (Panjer recursion)', () => {
  const sev = severityFromMeanCv('lognormal', 13_306, 1.3);
  const freqs: Frequency[] = [
    { kind: 'poisson', mean: 1.2 },
    { kind: 'negativeBinomial', mean: 1.6, dispersion: 2 },
    { kind: 'zeroInflatedPoisson', mean: 1.6, zeroShare: 0.3 },
  ];

  it('without an annual limit it is E[N]·E[Y]', () => {
    const l = layer({ deductible: 500, coinsurance: 0.8 });
    expect(expectedAnnualPayment(freqs[1]!, sev, l)).toBeCloseTo(1.6 * expectedEventPayment(sev, l), 6);
  });

  it('agrees with a Monte Carlo of compound years within 4 standard errors', () => {
    const l = layer({ coinsurance: 1, annualLimit: 20_000 });
    const u = randomStream(11, 0, 'insurance', 'test.compound');
    const n = 60_000;
    for (const f of freqs) {
      const years = new Float64Array(n);
      for (let y = 0; y < n; y++) {
        let count: number;
        if (f.kind === 'negativeBinomial') count = negativeBinomial(u, f.mean, f.dispersion);
        else if (f.kind === 'poisson') count = negativeBinomial(u, f.mean, 1e9);
        else count = u() < f.zeroShare ? 0 : negativeBinomial(u, f.mean / (1 - f.zeroShare), 1e9);
        const losses: number[] = [];
        for (let i = 0; i < count; i++) losses.push(draw(u, sev));
        years[y] = payYear(l, losses).reduce((a, b) => a + b, 0);
      }
      const { mean, se } = meanAndSe(years);
      const exact = expectedAnnualPayment(f, sev, l);
      expect(Math.abs(mean - exact)).toBeLessThan(4 * se);
    }
  });

  it('the simulated programme (monthly kernel) agrees with Panjer for the top-up with a 20,000 annual limit', () => {
    // Switch off every other layer so the top-up sees the whole cost of each tertiary stay.
    const s = baseline({
      'insurance.basic.reimbursementRate': [0, 0, 0],
      'insurance.seriousIllness.bandRates': [0, 0, 0],
      'insurance.mutual.rate': 0,
      'insurance.accident.incidencePerYear': 0,
      'insurance.allowance.perDayYuan': 0,
      'insurance.topUp.reasonableShare': 1,
      'insurance.topUp.annualLimitYuan': 20_000,
      'insurance.frequency.serious.levelWeights': [0, 0, 1],
      'insurance.premium.pricingPersonYears': 40_000,
    });
    const v = s.values.insurance;
    const e = expectedClaimsByType(s.values, 2016);
    const freq: Frequency = { kind: 'negativeBinomial', mean: v.frequency.serious.admissionsPerYear, dispersion: v.frequency.serious.dispersion };
    const severity = severityFromMeanCv('lognormal', v.stay.costMeanYuan[2]!, v.stay.costCv[2]!);
    const exact = expectedAnnualPayment(freq, severity, layer({ annualLimit: 20_000 }));
    expect(Math.abs(e.meanFen[1]! / 100 - exact)).toBeLessThan(4 * (e.seFen[1]! / 100) + 0.002 * exact);
    // mild members are not eligible for the top-up: nothing to pay
    expect(e.meanFen[2]).toBe(0);
  });

  it('the simulated hospital allowance agrees with E[N] · 100 · E[days]', () => {
    const s = baseline({ 'insurance.accident.incidencePerYear': 0, 'insurance.topUp.eligibleGroups': [], 'insurance.premium.pricingPersonYears': 40_000 });
    const v = s.values.insurance;
    const e = expectedClaimsByType(s.values, 99);
    const g = v.frequency.mild;
    const w = g.levelWeights.reduce((a, b) => a + b, 0);
    const meanDays = g.levelWeights.reduce((a, x, i) => a + (x / w) * v.stay.lengthMeanDays[i]!, 0);
    const exact = g.admissionsPerYear * v.allowance.perDayYuan * meanDays;
    expect(Math.abs(e.meanFen[2]! / 100 - exact)).toBeLessThan(4 * (e.seFen[2]! / 100));
  });
});
