import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/programmes/pairing/matching/allocate.js';
import { coveredUrgentNeed, type Allocation, type AllocationProblem } from '../../src/programmes/pairing/matching/problem.js';
import { MATCHING_POLICIES } from '../../src/programmes/pairing/vocabulary.js';

interface Small {
  capacity: number[];
  demand: number[];
  minimum?: number[];
  urgency?: number[];
  /** eligible[s][d]; all eligible when omitted. */
  eligible?: number[][];
  split: boolean;
  combine: boolean;
}

function problem(x: Small): AllocationProblem {
  const S = x.capacity.length;
  const D = x.demand.length;
  const eligible = new Uint8Array(S * D);
  for (let s = 0; s < S; s++) for (let d = 0; d < D; d++) eligible[s * D + d] = x.eligible ? x.eligible[s]![d]! : 1;
  return {
    capacity: Float64Array.from(x.capacity),
    demand: Float64Array.from(x.demand),
    minimum: Float64Array.from(x.minimum ?? x.demand.map(() => 1)),
    urgency: Float64Array.from(x.urgency ?? x.demand.map(() => 0.5)),
    size: Float64Array.from(x.demand),
    eligible,
    split: x.split,
    combine: x.combine,
  };
}

/** Links as [supplier, demander, amount] triples, sorted, for exact comparison. */
function triples(a: Allocation): number[][] {
  return a.amount.map((v, i) => [a.supplier[i]!, a.demander[i]!, v]).sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);
}

describe('matching by hand, one pool per form', () => {
  it('one-to-one (一帮一): each family gets the smallest pledge that covers it, each pledge serves one family', () => {
    const p = problem({ capacity: [1000, 500], demand: [800, 400], minimum: [400, 200], urgency: [0.9, 0.5], split: false, combine: false });
    // Family 0 (most urgent) takes pledge 0 (the only one ≥ 800); family 1 takes pledge 1 (500 ≥ 400).
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([
      [0, 0, 800],
      [1, 1, 400],
    ]);
    // The 200 left on pledge 0 are not given to anyone: one-to-one forbids splitting it.
    const q = problem({ capacity: [1000], demand: [800, 200], minimum: [400, 100], urgency: [0.9, 0.5], split: false, combine: false });
    expect(triples(allocate(q, 'urgencyFirst'))).toEqual([[0, 0, 800]]);
  });

  it('one-to-many (一帮多): one pledge is split over several families in order of urgency', () => {
    const p = problem({ capacity: [1000], demand: [400, 400, 400], minimum: [200, 200, 200], urgency: [0.3, 0.9, 0.6], split: true, combine: false });
    // Order: family 1 (0.9), family 2 (0.6), family 0 (0.3); the last gets the 200 left, exactly its minimum.
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([
      [0, 0, 200],
      [0, 1, 400],
      [0, 2, 400],
    ]);
  });

  it('many-to-one (多帮一): several small pledges combine to cover one family', () => {
    const p = problem({ capacity: [300, 300, 300], demand: [800], minimum: [400], split: false, combine: true });
    // None covers 800: take the largest (ties: first), then again, then the smallest that covers the last 200.
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([
      [0, 0, 300],
      [1, 0, 300],
      [2, 0, 200],
    ]);
  });

  it('no agreement below the paired threshold: the units go back to the pool', () => {
    const p = problem({ capacity: [100, 100, 500], demand: [800, 400], minimum: [400, 400], urgency: [0.9, 0.5], eligible: [[1, 0], [1, 0], [0, 1]], split: true, combine: true });
    // Family 0 can reach only 200 of its 400 minimum: nothing signed. Family 1 gets 400 from pledge 2.
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([[2, 1, 400]]);
  });

  it('preferences restrict who may serve whom', () => {
    const p = problem({ capacity: [500, 500], demand: [500, 500], urgency: [0.9, 0.8], eligible: [[0, 1], [1, 0]], split: false, combine: false });
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([
      [0, 1, 500],
      [1, 0, 500],
    ]);
  });

  it('greedy by size serves the largest need first', () => {
    const p = problem({ capacity: [600], demand: [300, 600], urgency: [0.9, 0.1], split: false, combine: false });
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([[0, 0, 300]]);
    expect(triples(allocate(p, 'greedyBySize'))).toEqual([[0, 1, 600]]);
  });

  it('optimal re-routes a flexible pledge where greedy strands a family (split and combine)', () => {
    // Pledge 0 may serve both families; pledge 1 only family 0. Greedy gives pledge 0 to family 0 and strands family 1.
    const p = problem({ capacity: [100, 100], demand: [100, 100], urgency: [0.9, 0.5], eligible: [[1, 1], [1, 0]], split: true, combine: true });
    expect(triples(allocate(p, 'urgencyFirst'))).toEqual([[0, 0, 100]]);
    const best = allocate(p, 'optimal');
    expect(triples(best)).toEqual([
      [0, 1, 100],
      [1, 0, 100],
    ]);
    expect(coveredUrgentNeed(p, best)).toBeCloseTo(140, 9);
  });

  it('optimal one-to-one is the best assignment (Hungarian)', () => {
    const p = problem({ capacity: [100, 100], demand: [100, 100], urgency: [0.9, 0.5], eligible: [[1, 1], [1, 0]], split: false, combine: false });
    expect(triples(allocate(p, 'optimal'))).toEqual([
      [0, 1, 100],
      [1, 0, 100],
    ]);
  });

  it('empty pools give no links', () => {
    for (const policy of MATCHING_POLICIES) {
      expect(allocate(problem({ capacity: [], demand: [100], split: true, combine: true }), policy).amount).toEqual([]);
      expect(allocate(problem({ capacity: [100], demand: [], split: false, combine: false }), policy).amount).toEqual([]);
    }
  });
});

const smallProblem = fc
  .record({
    S: fc.integer({ min: 0, max: 6 }),
    D: fc.integer({ min: 0, max: 6 }),
    split: fc.boolean(),
    combine: fc.boolean(),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 120, maxLength: 120 }),
    useMinimum: fc.boolean(),
  })
  .map(({ S, D, split, combine, seed, useMinimum }) => {
    let i = 0;
    const next = () => seed[i++ % seed.length]!;
    const demand = Array.from({ length: D }, () => 1 + (next() % 50) * 10);
    return problem({
      capacity: Array.from({ length: S }, () => (next() % 60) * 10),
      demand,
      minimum: demand.map((d) => (useMinimum ? Math.max(1, Math.ceil(d * (next() % 100) / 100)) : 1)),
      urgency: Array.from({ length: D }, () => (next() % 101) / 100),
      eligible: Array.from({ length: S }, () => Array.from({ length: D }, () => (next() % 4 === 0 ? 0 : 1))),
      split,
      combine,
    });
  });

describe('matching properties', () => {
  it('never gives more than a pledge has or a family wants, respects eligibility, forms and thresholds', () => {
    fc.assert(
      fc.property(smallProblem, fc.constantFrom(...MATCHING_POLICIES), (p, policy) => {
        const a = allocate(p, policy);
        const S = p.capacity.length;
        const D = p.demand.length;
        const given = new Float64Array(S);
        const got = new Float64Array(D);
        const perSupplier = new Int32Array(S);
        const perDemander = new Int32Array(D);
        const pairs = new Set<string>();
        for (let i = 0; i < a.amount.length; i++) {
          const s = a.supplier[i]!;
          const d = a.demander[i]!;
          const v = a.amount[i]!;
          expect(Number.isInteger(v) && v > 0).toBe(true);
          expect(p.eligible[s * D + d]).toBe(1);
          expect(pairs.has(`${s},${d}`)).toBe(false);
          pairs.add(`${s},${d}`);
          given[s] += v;
          got[d] += v;
          perSupplier[s]++;
          perDemander[d]++;
        }
        for (let s = 0; s < S; s++) {
          expect(given[s]).toBeLessThanOrEqual(p.capacity[s]!);
          if (!p.split) expect(perSupplier[s]).toBeLessThanOrEqual(1);
        }
        for (let d = 0; d < D; d++) {
          expect(got[d]).toBeLessThanOrEqual(p.demand[d]!);
          if (got[d]! > 0) expect(got[d]).toBeGreaterThanOrEqual(p.minimum[d]!);
          if (!p.combine) expect(perDemander[d]).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('optimal covers at least as much urgent need as either greedy policy where it is exact', () => {
    fc.assert(
      fc.property(smallProblem, (p) => {
        const exact = (p.split && p.combine && p.minimum.every((m) => m <= 1)) || (!p.split && !p.combine);
        fc.pre(exact);
        const best = coveredUrgentNeed(p, allocate(p, 'optimal'));
        expect(best).toBeGreaterThanOrEqual(coveredUrgentNeed(p, allocate(p, 'urgencyFirst')) - 1e-6);
        expect(best).toBeGreaterThanOrEqual(coveredUrgentNeed(p, allocate(p, 'greedyBySize')) - 1e-6);
      }),
      { numRuns: 400 },
    );
  });
});
