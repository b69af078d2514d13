import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';

const draws = (u: () => number, n = 5) => Array.from({ length: n }, () => u());

describe('random streams', () => {
  it('same (seed, replication, owner, purpose) gives the same numbers', () => {
    expect(draws(randomStream(1, 0, 'supermarket', 'visits'))).toEqual(draws(randomStream(1, 0, 'supermarket', 'visits')));
  });
  it('each part of the key gives a different stream', () => {
    const base = draws(randomStream(1, 0, 'supermarket', 'visits'));
    expect(draws(randomStream(2, 0, 'supermarket', 'visits'))).not.toEqual(base);
    expect(draws(randomStream(1, 1, 'supermarket', 'visits'))).not.toEqual(base);
    expect(draws(randomStream(1, 0, 'insurance', 'visits'))).not.toEqual(base);
    expect(draws(randomStream(1, 0, 'supermarket', 'purchases'))).not.toEqual(base);
  });
  it('does not depend on how many other streams were created or drawn from first', () => {
    const a = randomStream(3, 2, 'insurance', 'stays');
    const first = draws(a);
    const other = randomStream(3, 2, 'supermarket', 'visits');
    draws(other, 1000);
    expect(draws(randomStream(3, 2, 'insurance', 'stays'))).toEqual(first);
  });
  it('draws lie in [0, 1)', () => {
    const u = randomStream(9, 0, 'engine', 'range');
    let outside = 0;
    for (let i = 0; i < 100_000; i++) {
      const x = u();
      if (!(x >= 0 && x < 1)) outside++;
    }
    expect(outside).toBe(0);
  });
  it('rejects a non-integer seed', () => {
    expect(() => randomStream(1.5, 0, 'engine', 'x')).toThrow(/seed/);
  });
});
