import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { randomStream } from '../../src/core/rng/stream.js';
import { inverseStandardNormal, lognormalTable, sampleLognormal, TABLE_SIZE } from '../../src/programmes/supermarket/lognormalTable.js';
import { monthAfter, monthlyHazard, monthsUntil } from '../../src/programmes/supermarket/membership.js';
import { NEVER } from '../../src/programmes/supermarket/rollout.js';

describe('the tabulated mean-one lognormal', () => {
  it('inverts the normal distribution to 1e-8', () => {
    expect(inverseStandardNormal(0.5)).toBeCloseTo(0, 12);
    expect(inverseStandardNormal(0.975)).toBeCloseTo(1.959963984540054, 8);
    expect(inverseStandardNormal(0.025)).toBeCloseTo(-1.959963984540054, 8);
    expect(inverseStandardNormal(1e-6)).toBeCloseTo(-4.753424308822899, 7);
    expect(inverseStandardNormal(0.9999)).toBeCloseTo(3.719016485455709, 7);
  });

  it('has inner atoms whose average, with the exact tails, is one; the atoms increase', () => {
    for (const cv of [0.1, 0.3, 1]) {
      const t = lognormalTable(cv);
      for (let i = 2; i < TABLE_SIZE - 1; i++) expect(t.atoms[i]!).toBeGreaterThan(t.atoms[i - 1]!);
      // Mean over a fine uniform grid of u: the inner bins exactly, the tails by quadrature of the exact sampler.
      let sum = 0;
      const n = 1 << 20;
      for (let k = 0; k < n; k++) sum += sampleLognormal(t, (k + 0.5) / n);
      expect(sum / n).toBeCloseTo(1, 3);
    }
  });

  it('draws with the target mean and coefficient of variation', () => {
    for (const cv of [0.3, 1]) {
      const t = lognormalTable(cv);
      const u = randomStream(1, 0, 'supermarket', `lognormal-test-${cv}`);
      let s = 0;
      let s2 = 0;
      const n = 400_000;
      for (let i = 0; i < n; i++) {
        const x = sampleLognormal(t, u());
        s += x;
        s2 += x * x;
      }
      const mean = s / n;
      const sd = Math.sqrt(s2 / n - mean * mean);
      expect(mean).toBeCloseTo(1, 2);
      expect(sd / mean).toBeGreaterThan(cv * 0.97);
      expect(sd / mean).toBeLessThan(cv * 1.03);
    }
  });

  it('gives exactly one for a CV of zero, and positive finite values for any u', () => {
    const flat = lognormalTable(0);
    expect(sampleLognormal(flat, 0)).toBe(1);
    expect(sampleLognormal(flat, 0.999999)).toBe(1);
    const t = lognormalTable(2);
    fc.assert(fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (u) => {
      const x = sampleLognormal(t, u);
      expect(x).toBeGreaterThan(0);
      expect(Number.isFinite(x)).toBe(true);
    }));
  });
});

describe('take-up and attrition as geometric waiting times', () => {
  it('waits (1 − p) / p months on average, with P(no wait) = p', () => {
    for (const p of [0.01, 0.25, 0.9]) {
      const h = monthlyHazard(p);
      const u = randomStream(1, 0, 'supermarket', `wait-${p}`);
      let sum = 0;
      let zero = 0;
      const n = 200_000;
      for (let i = 0; i < n; i++) {
        const w = monthsUntil(h, u());
        sum += w;
        if (w === 0) zero++;
      }
      expect(sum / n).toBeCloseTo((1 - p) / p, p < 0.05 ? 0 : 1);
      expect(zero / n).toBeCloseTo(p, 2);
    }
  });

  it('never happens at p = 0, at once at p = 1, and saturates instead of overflowing', () => {
    expect(monthsUntil(monthlyHazard(0), 0.5)).toBe(NEVER);
    expect(monthsUntil(monthlyHazard(1), 0.999)).toBe(0);
    expect(monthAfter(10, NEVER)).toBe(NEVER);
    expect(monthsUntil(monthlyHazard(1e-12), 0.999999)).toBeLessThanOrEqual(NEVER);
    // A hazard so small that 1 − p rounds to 1 waits (practically) forever, never −∞ months.
    for (const u of [0, 0.5, 0.999999]) {
      const w = monthsUntil(monthlyHazard(2.7e-284), u);
      expect(Number.isInteger(w) && w >= 0 && w <= NEVER).toBe(true);
    }
    expect(monthsUntil(monthlyHazard(2.7e-284), 0.5)).toBe(NEVER);
  });
});
