import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankByScoreDescending } from '../../src/programmes/insurance/radixRank.js';

describe('insurance ranking by radix sort', () => {
  it('orders exactly as the comparison sort it replaced (score descending, ties by index)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.float({ min: 0, max: 1, noNaN: true }), fc.constantFrom(0, 0.5, 1, 1e-40, -0)), { maxLength: 300 }),
        fc.integer({ min: 0, max: 3 }),
        (values, stride) => {
          const score = Float32Array.from(values);
          const indices = Int32Array.from({ length: Math.ceil(values.length / (stride + 1)) }, (_, i) => i * (stride + 1)).filter((i) => i < values.length);
          const expected = Int32Array.from(indices).sort((a, b) => score[b]! - score[a]! || a - b);
          expect(Array.from(rankByScoreDescending(indices, score))).toEqual(Array.from(expected));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handles an empty list and a view into a larger buffer', () => {
    expect(rankByScoreDescending(new Int32Array(0), new Float32Array(3))).toEqual(new Int32Array(0));
    const buffer = new Float32Array([9, 0.2, 0.7, 0.2, 9]);
    const view = buffer.subarray(1, 4);
    expect(Array.from(rankByScoreDescending(Int32Array.from([0, 1, 2]), view))).toEqual([1, 0, 2]);
  });
});
