import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';
import { searchEpsilon } from '../../src/engine/frontier/epsilon.js';
import { searchNsga2 } from '../../src/engine/frontier/nsga2.js';
import { polynomialMutation, sbx } from '../../src/engine/frontier/operators.js';
import { constrainedDominates, dominates, nondominatedFronts, paretoFrontier, type Scored } from '../../src/engine/frontier/pareto.js';
import type { FrontierProblem, SearchResult } from '../../src/engine/frontier/problem.js';
import { TOY, toyCost, toyOptimum, toyOutcome, toyProblem } from './toyFrontier.js';

const BUDGET = 60;

/** Relative shortfall of the best outcome found within `cap` against the known optimum. */
function gapAt(result: SearchResult, cap: number): number {
  const best = Math.max(0, ...result.frontier.filter((p) => p.cost <= cap).map((p) => p.outcome));
  return 1 - best / toyOptimum(TOY, cap);
}

describe('the toy problem (a check of the check)', () => {
  it('its optimum satisfies the budget and no feasible policy beats it', () => {
    const u = randomStream(1, 0, 'engine', 'toy');
    for (let k = 0; k < 2000; k++) {
      const x = TOY.uppers.map((up) => u() * up);
      expect(toyOutcome(TOY, x)).toBeLessThanOrEqual(toyOptimum(TOY, toyCost(TOY, x)) + 1e-9);
    }
    expect(toyOptimum(TOY, 1e9)).toBeCloseTo(toyOutcome(TOY, TOY.uppers), 9);
    expect(toyOptimum(TOY, 0)).toBeCloseTo(0, 3);
  });
});

describe('Pareto helpers', () => {
  const scored = fc.array(fc.record({ cost: fc.integer({ min: 0, max: 100 }), outcome: fc.integer({ min: 0, max: 100 }) }), { minLength: 1, maxLength: 40 });

  it('the frontier is within budget, sorted, undominated, and covers every feasible point', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 0, max: 100 }), (points, budget) => {
        const front = paretoFrontier(points, budget);
        for (let i = 1; i < front.length; i++) {
          expect(front[i]!.cost).toBeGreaterThan(front[i - 1]!.cost);
          expect(front[i]!.outcome).toBeGreaterThan(front[i - 1]!.outcome);
        }
        for (const f of front) {
          expect(f.cost).toBeLessThanOrEqual(budget);
          for (const p of points) if (p.cost <= budget) expect(dominates(p, f)).toBe(false);
        }
        for (const p of points) if (p.cost <= budget) expect(front.some((f) => f.cost <= p.cost && f.outcome >= p.outcome)).toBe(true);
      }),
    );
  });

  it('non-dominated sorting puts every point in one front, none dominated by its own front', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 0, max: 100 }), (points: Scored[], budget) => {
        const fronts = nondominatedFronts(points, budget);
        expect(fronts.flat().sort((a, b) => a - b)).toEqual(points.map((_, i) => i));
        for (const front of fronts) for (const i of front) for (const j of front) expect(constrainedDominates(points[i]!, points[j]!, budget)).toBe(false);
      }),
    );
  });

  it('within budget beats over budget; less over beats more over', () => {
    expect(constrainedDominates({ cost: 10, outcome: 0 }, { cost: 11, outcome: 99 }, 10)).toBe(true);
    expect(constrainedDominates({ cost: 12, outcome: 0 }, { cost: 13, outcome: 99 }, 10)).toBe(true);
  });

  it('variation operators keep children inside the bounds', () => {
    const u = randomStream(2, 0, 'engine', 'ops');
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (a, b) => {
        const [c1, c2] = sbx(a, b, 0, 1, 15, u);
        const m = polynomialMutation(a, 0, 1, 20, u);
        for (const v of [c1, c2, m]) expect(v >= 0 && v <= 1).toBe(true);
      }),
    );
  });
});

describe('ε-constraint search on a toy problem with a known frontier', () => {
  it('reaches the optimum within 0.5% at every budget level, with 400 evaluations', async () => {
    const counter = { n: 0 };
    const result = await searchEpsilon(toyProblem(TOY, BUDGET, counter), { levels: 4, maxEvaluations: 400, seed: 1 });
    for (const share of [0.25, 0.5, 0.75, 1]) expect(gapAt(result, share * BUDGET)).toBeLessThan(0.005);
    expect(counter.n).toBe(result.evaluated.length);
    expect(counter.n).toBeLessThanOrEqual(400 + 4 * (2 * 5 + 5));
  });

  it('does far better than random search with the same number of evaluations', async () => {
    const eps = await searchEpsilon(toyProblem(TOY, BUDGET), { levels: 4, maxEvaluations: 400, seed: 1 });
    const u = randomStream(3, 0, 'engine', 'random-search');
    const random = Array.from({ length: eps.evaluated.length }, () => {
      const x = TOY.uppers.map((up) => u() * up);
      return { cost: toyCost(TOY, x), outcome: toyOutcome(TOY, x) };
    });
    const randomGap = 1 - Math.max(...paretoFrontier(random, BUDGET / 4).map((p) => p.outcome)) / toyOptimum(TOY, BUDGET / 4);
    expect(randomGap).toBeGreaterThan(10 * gapAt(eps, BUDGET / 4));
  });

  it('finds a corner optimum of a linear problem with whole-number levers', async () => {
    // outcome 3a + b + 2c, cost 1a + 1b + 1c, a, b, c whole in [0, 10], budget 15: best is a = 10, c = 5, b = 0 (outcome 40)
    const problem: FrontierProblem = {
      levers: ['a', 'b', 'c'].map((name) => ({ name, lower: 0, upper: 10, integer: true })),
      budget: 15,
      evaluate: async (batch) => batch.map((x) => ({ cost: x[0]! + x[1]! + x[2]!, outcome: 3 * x[0]! + x[1]! + 2 * x[2]! })),
    };
    const result = await searchEpsilon(problem, { levels: 3, maxEvaluations: 300 });
    const best = result.frontier[result.frontier.length - 1]!;
    expect(best.outcome).toBe(40);
    expect(best.x).toEqual([10, 0, 5]);
    for (const c of result.evaluated) for (const v of c.x) expect(Number.isInteger(v)).toBe(true);
    // at 5 (a level): all on a
    expect(Math.max(...result.frontier.filter((p) => p.cost <= 5).map((p) => p.outcome))).toBe(15);
  });

  it('is reproducible: the same seed gives the same evaluations', async () => {
    const a = await searchEpsilon(toyProblem(TOY, BUDGET), { levels: 3, maxEvaluations: 120, seed: 7 });
    const b = await searchEpsilon(toyProblem(TOY, BUDGET), { levels: 3, maxEvaluations: 120, seed: 7 });
    expect(b.evaluated).toEqual(a.evaluated);
  });

  it('starts from given policies and keeps every evaluation in the archive', async () => {
    const result = await searchEpsilon(toyProblem(TOY, BUDGET), { levels: 2, maxEvaluations: 50, initial: [[1, 2, 3, 4, 5]] });
    expect(result.evaluated[0]!.x).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(result.evaluated.map((c) => JSON.stringify(c.x))).size).toBe(result.evaluated.length);
  });
});

describe('NSGA-II on the toy problem', () => {
  it('approaches the known frontier (within 3% at half and full budget)', async () => {
    const result = await searchNsga2(toyProblem(TOY, BUDGET), { population: 40, generations: 25, seed: 1 });
    expect(result.evaluated.length).toBeLessThanOrEqual(40 * 26);
    expect(gapAt(result, BUDGET / 2)).toBeLessThan(0.03);
    expect(gapAt(result, BUDGET)).toBeLessThan(0.03);
    for (const p of result.frontier) expect(p.cost).toBeLessThanOrEqual(BUDGET);
  });
});
