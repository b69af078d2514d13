import type { FrontierProblem, Lever } from '../../src/engine/frontier/problem.js';

/**
 * A toy budget problem with a known answer: spend on d programmes, programme i at level
 * x_i ∈ [0, upper_i] costs price_i · x_i and yields weight_i · √x_i. For a budget c the best
 * outcome solves max Σ w_i √x_i s.t. Σ a_i x_i ≤ c, 0 ≤ x_i ≤ U_i, whose KKT solution is
 * water-filling: x_i = min(U_i, (w_i / (2 λ a_i))²) with λ set so the budget binds.
 */
export interface ToyProblem {
  prices: number[];
  weights: number[];
  uppers: number[];
}

export const TOY: ToyProblem = { prices: [1, 2, 3, 1.5, 4], weights: [1, 3, 2, 0.5, 4], uppers: [10, 10, 10, 10, 10] };

export function toyCost(t: ToyProblem, x: readonly number[]): number {
  return x.reduce((s, v, i) => s + t.prices[i]! * v, 0);
}

export function toyOutcome(t: ToyProblem, x: readonly number[]): number {
  return x.reduce((s, v, i) => s + t.weights[i]! * Math.sqrt(v), 0);
}

/** The best outcome reachable with at most `budget` (exact, by bisection on the multiplier). */
export function toyOptimum(t: ToyProblem, budget: number): number {
  const full = t.uppers.map((u) => u);
  if (toyCost(t, full) <= budget) return toyOutcome(t, full);
  const at = (lambda: number) => t.prices.map((a, i) => Math.min(t.uppers[i]!, (t.weights[i]! / (2 * lambda * a)) ** 2));
  let lo = 1e-9;
  let hi = 1e9;
  for (let k = 0; k < 200; k++) {
    const mid = Math.sqrt(lo * hi);
    if (toyCost(t, at(mid)) > budget) lo = mid;
    else hi = mid;
  }
  return toyOutcome(t, at(hi));
}

export function toyProblem(t: ToyProblem, budget: number, counter?: { n: number }): FrontierProblem {
  const levers: Lever[] = t.uppers.map((u, i) => ({ name: `x${i}`, lower: 0, upper: u }));
  return {
    levers,
    budget,
    evaluate: async (batch) => {
      if (counter) counter.n += batch.length;
      return batch.map((x) => ({ cost: toyCost(t, x), outcome: toyOutcome(t, x) }));
    },
  };
}
