import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';
import {
  bernoulli,
  binomial,
  categorical,
  categoricalFromGuide,
  cumulativeWeights,
  exponential,
  fastExp,
  gamma,
  geometricFailures,
  geometricScale,
  guideTable,
  lognormal,
  lognormalFast,
  lognormalMeanCv,
  lognormalParamsFromMeanCv,
  negativeBinomial,
  normal,
  piecewiseUniformInt,
  piecewiseUniformIntFromUniform,
  poisson,
  uniform,
  zigguratNormal,
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

/** Distance between two doubles in units in the last place of `b`. */
function ulps(a: number, b: number): number {
  if (a === b) return 0;
  const bits = new Float64Array([Math.abs(b)]);
  const next = new BigInt64Array(bits.buffer);
  next[0]! += 1n;
  return Math.abs(a - b) / (bits[0]! - Math.abs(b));
}

/** A uniform source that replays the given values. */
function replay(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

const weightLists = fc.array(fc.oneof(fc.constant(0), fc.double({ min: 1e-6, max: 100, noNaN: true })), { minLength: 1, maxLength: 40 }).filter((w) => w.some((x) => x > 0));

describe('guide-table categorical', () => {
  it('gives the same index as the binary search for every uniform, boundaries included', () => {
    fc.assert(
      fc.property(weightLists, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 50 }), (w, xs) => {
        const cdf = cumulativeWeights(w);
        const guide = guideTable(cdf);
        // The cumulative weights themselves and the doubles just below them are the hard cases.
        const edges = [...cdf].filter((c) => c < 1).flatMap((c) => [c, c - Number.EPSILON * c]);
        for (const x of [0, ...xs, ...edges].filter((v) => v >= 0 && v < 1)) {
          const fromGuide = categoricalFromGuide(x, cdf, guide);
          expect(fromGuide).toBe(categorical(() => x, cdf));
          expect(w[fromGuide]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('has a power-of-two length with at least 16 cells per category', () => {
    for (const n of [1, 3, 13, 96]) {
      const g = guideTable(cumulativeWeights(new Array(n).fill(1)));
      expect(g.length & (g.length - 1)).toBe(0);
      expect(g.length).toBeGreaterThanOrEqual(16 * n);
    }
  });
});

describe('piecewise-uniform integers (ages by age band)', () => {
  const ages = piecewiseUniformInt([0.15, 0.5, 0.35], [0, 18, 60], [17, 59, 95]);

  it('gives each integer its band weight ÷ band width, exactly at the band ends', () => {
    const p = (a: number) => ages.cumulative[a - ages.offset]! - (a === ages.offset ? 0 : ages.cumulative[a - ages.offset - 1]!);
    for (let a = 0; a <= 17; a++) expect(p(a)).toBeCloseTo(0.15 / 18, 14);
    for (let a = 18; a <= 59; a++) expect(p(a)).toBeCloseTo(0.5 / 42, 14);
    for (let a = 60; a <= 95; a++) expect(p(a)).toBeCloseTo(0.35 / 36, 14);
    expect(ages.cumulative[17]).toBe(0.15);
    expect(ages.cumulative[59]).toBe(cumulativeWeights([0.15, 0.5, 0.35])[1]);
    expect(ages.cumulative[95]).toBe(1);
  });

  it('inverts one uniform: the extremes and the band edges', () => {
    expect(piecewiseUniformIntFromUniform(0, ages)).toBe(0);
    expect(piecewiseUniformIntFromUniform(1 - 2 ** -32, ages)).toBe(95);
    expect(piecewiseUniformIntFromUniform(0.15 - 1e-12, ages)).toBe(17);
    expect(piecewiseUniformIntFromUniform(0.15, ages)).toBe(18);
    expect(piecewiseUniformIntFromUniform(0.65, ages)).toBe(60);
  });

  it('matches the band shares and is uniform inside each band (chi-square over 96 ages)', () => {
    const u = randomStream(11, 0, 'engine', 'piecewise-test');
    const n = 300_000;
    const counts = new Float64Array(96);
    for (let i = 0; i < n; i++) counts[piecewiseUniformIntFromUniform(u(), ages)]!++;
    let chi2 = 0;
    for (let a = 0; a < 96; a++) {
      const expected = n * (a < 18 ? 0.15 / 18 : a < 60 ? 0.5 / 42 : 0.35 / 36);
      chi2 += (counts[a]! - expected) ** 2 / expected;
    }
    // 95 degrees of freedom: the 99.9% point is about 149.
    expect(chi2).toBeLessThan(149);
  });

  it('never draws a gap or a zero-weight band, for any bands and weights', () => {
    const bands = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 6 }), fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true }))), { minLength: 1, maxLength: 6 })
      .filter((b) => b.some(([, , w]) => w > 0));
    fc.assert(
      fc.property(bands, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { maxLength: 30 }), (spec, xs) => {
        const from: number[] = [];
        const to: number[] = [];
        let next = 3;
        for (const [gap, width] of spec) {
          from.push(next + gap);
          to.push(next + gap + width);
          next = next + gap + width + 1;
        }
        const w = spec.map(([, , weight]) => weight);
        const d = piecewiseUniformInt(w, from, to);
        expect(d.cumulative[d.cumulative.length - 1]).toBe(1);
        for (const x of xs) {
          const v = piecewiseUniformIntFromUniform(x, d);
          const band = from.findIndex((f, b) => v >= f && v <= to[b]!);
          expect(band).toBeGreaterThanOrEqual(0);
          expect(w[band]).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('rejects overlapping, reversed or mismatched bands', () => {
    expect(() => piecewiseUniformInt([1, 1], [0, 5], [6, 9])).toThrow(/after the previous band/);
    expect(() => piecewiseUniformInt([1], [4], [3])).toThrow(/from ≤ to/);
    expect(() => piecewiseUniformInt([1, 1], [0], [3])).toThrow(/band limits/);
    expect(() => piecewiseUniformInt([1], [0], [1 << 20])).toThrow(/more than/);
  });
});

describe('fastExp', () => {
  it('is within 2 ulps of Math.exp over the whole range of finite results', () => {
    fc.assert(
      fc.property(fc.double({ min: -750, max: 715, noNaN: true }), (x) => {
        expect(ulps(fastExp(x), Math.exp(x))).toBeLessThanOrEqual(2);
      }),
      { numRuns: 5_000 },
    );
    // Incomes and costs: log-scale arguments of a few dozen at most.
    const u = randomStream(3, 0, 'engine', 'fastExp-test');
    let worst = 0;
    for (let i = 0; i < 200_000; i++) {
      const x = (u() - 0.5) * 40;
      worst = Math.max(worst, ulps(fastExp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('is exact where Math.exp is exact, and agrees at the edges', () => {
    expect(fastExp(0)).toBe(1);
    expect(fastExp(-0)).toBe(1);
    expect(fastExp(Infinity)).toBe(Infinity);
    expect(fastExp(-Infinity)).toBe(0);
    expect(fastExp(NaN)).toBeNaN();
    expect(fastExp(710)).toBe(Infinity);
    expect(fastExp(-745.2)).toBe(Math.exp(-745.2));
    expect(fastExp(-720)).toBe(Math.exp(-720)); // subnormal results come from Math.exp
    for (const x of [-708, 709, 1, -1, Math.LN2, 0.5]) expect(ulps(fastExp(x), Math.exp(x))).toBeLessThanOrEqual(2);
  });
});

describe('lognormalFast and the ziggurat split', () => {
  const u = randomStream(7, 1, 'engine', 'lognormalFast-test');
  it('lognormalFast(μ, σ) has the lognormal mean and variance', () => {
    const { mu, sigma } = lognormalParamsFromMeanCv(800, 0.4);
    expectMoments(() => lognormalFast(u, mu, sigma), 800, (0.4 * 800) ** 2, 0.05);
  });

  it('zigguratNormal draws what the one-loop ZIGNOR draws from the same uniforms', () => {
    // The reference: the single-loop form, before the common case was split off for inlining.
    const R = 3.442619855899;
    const AREA = 9.91256303526217e-3;
    const X = new Float64Array(129);
    let f = Math.exp(-0.5 * R * R);
    X[0] = AREA / f;
    X[1] = R;
    for (let i = 2; i < 128; i++) {
      X[i] = Math.sqrt(-2 * Math.log(AREA / X[i - 1]! + f));
      f = Math.exp(-0.5 * X[i]! * X[i]!);
    }
    const reference = (v: () => number): number => {
      for (;;) {
        const bits = v() * 4294967296;
        const i = bits & 127;
        const w = (bits - i) / 2147483648 - 1;
        if (Math.abs(w) < X[i + 1]! / X[i]!) return w * X[i]!;
        if (i === 0) {
          let x: number;
          let y: number;
          do {
            x = Math.log(1 - v()) / R;
            y = Math.log(1 - v());
          } while (-2 * y < x * x);
          return w < 0 ? x - R : R - x;
        }
        const x = w * X[i]!;
        const f0 = Math.exp(-0.5 * (X[i]! * X[i]! - x * x));
        const f1 = Math.exp(-0.5 * (X[i + 1]! * X[i + 1]! - x * x));
        if (f1 + v() * (f0 - f1) < 1) return x;
      }
    };
    const a = randomStream(5, 0, 'engine', 'zig-split');
    const b = randomStream(5, 0, 'engine', 'zig-split');
    let differ = 0;
    let tail = 0;
    for (let i = 0; i < 100_000; i++) {
      const z = zigguratNormal(a);
      if (z !== reference(b)) differ++;
      if (Math.abs(z) > R) tail++;
    }
    expect(differ).toBe(0);
    expect(tail).toBeGreaterThan(10); // the tail was drawn too
    // A point of the top layer (whose inner rectangle is empty) at v = 0, rejected in the wedge
    // by a zero uniform, then an ordinary draw: the split keeps the uniforms in order.
    const wedgeThenPlain = [(2 ** 31 + 127) / 2 ** 32, 0, 0.25];
    expect(zigguratNormal(replay(wedgeThenPlain))).toBe(reference(replay(wedgeThenPlain)));
    expect(zigguratNormal(replay(wedgeThenPlain))).toBe(zigguratNormal(replay([0.25])));
  });
});

describe('geometric waiting times', () => {
  it('wait (1 − p) / p failures on average, none with probability p', () => {
    for (const p of [0.02, 0.3, 0.8]) {
      const u = randomStream(3, 0, 'engine', `geometric-${p}`);
      const scale = geometricScale(p);
      const n = 200_000;
      let sum = 0;
      let none = 0;
      for (let i = 0; i < n; i++) {
        const k = geometricFailures(u(), scale);
        sum += k;
        if (k === 0) none++;
      }
      expect(sum / n).toBeCloseTo((1 - p) / p, p < 0.05 ? 0 : 1);
      expect(none / n).toBeCloseTo(p, 2);
    }
  });

  it('inverts ⌊ln(1 − x) / ln(1 − p)⌋, and a p too small for 1 − p waits long, never −∞', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 0.999999, noNaN: true }), fc.double({ min: 1e-6, max: 0.999, noNaN: true }), (x, p) => {
        const k = geometricFailures(x, geometricScale(p));
        expect(Number.isInteger(k) && k >= 0).toBe(true);
        expect(Math.abs(k - Math.log(1 - x) / Math.log(1 - p))).toBeLessThan(1 + 1e-9);
      }),
    );
    expect(1 - 1e-18).toBe(1);
    expect(geometricFailures(0.5, geometricScale(1e-18))).toBeGreaterThan(1e17);
    expect(geometricFailures(0, geometricScale(1e-18)) === 0).toBe(true); // −0 at x = 0, as integer columns store it
  });
});
