import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replicationChunks, RUNS_PER_THREAD } from '../../src/engine/sweep/chunks.js';

describe('cutting design points into runs of replications', () => {
  it('covers every replication of every point exactly once, in order, runs of a point within one replication of each other', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 16 }), (reps, threads) => {
        const chunks = replicationChunks(reps, threads);
        let position = 0;
        reps.forEach((r, task) => {
          const own = chunks.slice(position).filter((c) => c.task === task);
          // a point's runs are consecutive in the list and tile 0 … r − 1
          expect(chunks.slice(position, position + own.length)).toEqual(own);
          position += own.length;
          expect(own[0]!.from).toBe(0);
          expect(own[own.length - 1]!.to).toBe(r);
          for (let k = 1; k < own.length; k++) expect(own[k]!.from).toBe(own[k - 1]!.to);
          const lengths = own.map((c) => c.to - c.from);
          expect(Math.max(...lengths) - Math.min(...lengths)).toBeLessThanOrEqual(1);
          if (r > 0) expect(Math.min(...lengths)).toBeGreaterThan(0);
        });
        expect(position).toBe(chunks.length);
      }),
    );
  });

  it('keeps whole points on one thread; gives several threads enough runs to finish together', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 30 }), fc.integer({ min: 2, max: 16 }), (reps, threads) => {
        expect(replicationChunks(reps, 1)).toHaveLength(reps.length);
        const total = reps.reduce((a, b) => a + b, 0);
        const chunks = replicationChunks(reps, threads);
        expect(chunks.length).toBeGreaterThanOrEqual(Math.min(total, threads * RUNS_PER_THREAD));
        // … but no more than needed: a point is cut only when the sweep has too few runs
        if (reps.length >= threads * RUNS_PER_THREAD) expect(chunks.length).toBeLessThanOrEqual(total);
      }),
    );
  });

  it('cuts one point of 20 replications into single ones for two threads, 100 into 17 runs of 5 or 6; 12 points of 2 into single replications; keeps 40 points of 5 whole', () => {
    expect(replicationChunks([20], 2).map((c) => c.to - c.from)).toEqual(Array(20).fill(1));
    const hundred = replicationChunks([100], 2).map((c) => c.to - c.from);
    expect(hundred).toHaveLength(17);
    expect(new Set(hundred)).toEqual(new Set([5, 6]));
    expect(replicationChunks(Array(12).fill(2), 2)).toHaveLength(24);
    expect(replicationChunks(Array(40).fill(5), 2)).toHaveLength(40);
  });
});
