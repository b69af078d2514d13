import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';
import { zigguratNormal } from '../../src/core/rng/samplers/ziggurat.js';

/** Standard normal CDF through erfc (Numerical Recipes' erfcc, relative error below 1.2e-7). */
function phi(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r / 2 : r / 2;
}

const N = 400_000;

describe('ziggurat normal', () => {
  it('matches the normal distribution bin by bin (chi-square) and in the tails', () => {
    const u = randomStream(2024, 0, 'engine', 'ziggurat-test');
    const edges = [-Infinity, ...Array.from({ length: 39 }, (_, i) => -3.8 + (i * 7.6) / 38), Infinity];
    const counts = new Float64Array(edges.length - 1);
    let beyond3 = 0;
    let beyond4 = 0;
    for (let i = 0; i < N; i++) {
      const x = zigguratNormal(u);
      let b = 0;
      while (x >= edges[b + 1]!) b++;
      counts[b]!++;
      if (Math.abs(x) > 3) beyond3++;
      if (Math.abs(x) > 4) beyond4++;
    }
    let chi2 = 0;
    for (let b = 0; b < counts.length; b++) {
      const expected = N * (phi(edges[b + 1]!) - phi(edges[b]!));
      chi2 += (counts[b]! - expected) ** 2 / expected;
    }
    // 39 degrees of freedom: the 99.9% point is about 72.
    expect(chi2).toBeLessThan(72);
    // P(|Z| > 3) = 0.0027, P(|Z| > 4) = 6.3e-5: the wedges and the tail are drawn right.
    expect(Math.abs(beyond3 / N - 0.0026998) / 0.0026998).toBeLessThan(0.1);
    expect(beyond4).toBeGreaterThan(5);
    expect(beyond4).toBeLessThan(50);
  });

  it('is deterministic in its stream and works from any uniform source', () => {
    const a = randomStream(1, 2, 'engine', 'z');
    const b = randomStream(1, 2, 'engine', 'z');
    for (let i = 0; i < 1000; i++) expect(zigguratNormal(a)).toBe(zigguratNormal(b));
    // A source with more than 32 bits (two alea draws make a 64-bit fraction) still gives mean 0, variance 1.
    const g = randomStream(1, 3, 'engine', 'z');
    const fine = () => g() + g() * 2 ** -32;
    let m = 0;
    let v = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) {
      const x = zigguratNormal(fine);
      m += x;
      v += x * x;
    }
    expect(Math.abs(m / n)).toBeLessThan(0.02);
    expect(Math.abs(v / n - 1)).toBeLessThan(0.03);
  });
});
