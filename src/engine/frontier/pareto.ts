/**
 * Pareto ranking for a bi-objective problem with a budget: minimise cost, maximise outcome,
 * subject to cost ≤ budget. Deb's constrained domination: a point within budget beats one
 * over it; of two over budget, the one less over wins; of two within, Pareto dominance.
 */
export interface Scored {
  readonly cost: number;
  readonly outcome: number;
}

/** How far a point is over the budget (0 when within it). */
export function violation(p: Scored, budget: number): number {
  return Math.max(0, p.cost - budget);
}

/** True when `a` is no worse than `b` in both objectives and better in one. */
export function dominates(a: Scored, b: Scored): boolean {
  return a.cost <= b.cost && a.outcome >= b.outcome && (a.cost < b.cost || a.outcome > b.outcome);
}

/** Constrained domination (Deb 2000). */
export function constrainedDominates(a: Scored, b: Scored, budget: number): boolean {
  const va = violation(a, budget);
  const vb = violation(b, budget);
  if (va === 0 && vb === 0) return dominates(a, b);
  if (va === 0) return true;
  if (vb === 0) return false;
  return va < vb;
}

/**
 * Fast non-dominated sort (Deb et al. 2002): indices of `points` grouped into fronts, best
 * first; within a front, indices ascend (so ties resolve by position, deterministically).
 */
export function nondominatedFronts(points: readonly Scored[], budget: number): number[][] {
  const n = points.length;
  const dominatedBy = new Int32Array(n);
  const dominating: number[][] = Array.from({ length: n }, () => []);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (constrainedDominates(points[i]!, points[j]!, budget)) {
        dominating[i]!.push(j);
        dominatedBy[j]++;
      } else if (constrainedDominates(points[j]!, points[i]!, budget)) {
        dominating[j]!.push(i);
        dominatedBy[i]++;
      }
    }
  }
  const fronts: number[][] = [];
  let current: number[] = [];
  for (let i = 0; i < n; i++) if (dominatedBy[i] === 0) current.push(i);
  while (current.length) {
    fronts.push(current);
    const next: number[] = [];
    for (const i of current) for (const j of dominating[i]!) if (--dominatedBy[j] === 0) next.push(j);
    current = next.sort((a, b) => a - b);
  }
  return fronts;
}

/**
 * Crowding distance of each member of a front (larger = lonelier, kept first): the sum over
 * objectives of the normalised gap between its neighbours. Both ends get Infinity.
 */
export function crowdingDistances(points: readonly Scored[], front: readonly number[]): Map<number, number> {
  const distance = new Map<number, number>(front.map((i) => [i, 0]));
  for (const key of ['cost', 'outcome'] as const) {
    const sorted = [...front].sort((a, b) => points[a]![key] - points[b]![key] || a - b);
    const lo = points[sorted[0]!]![key];
    const hi = points[sorted[sorted.length - 1]!]![key];
    distance.set(sorted[0]!, Infinity);
    distance.set(sorted[sorted.length - 1]!, Infinity);
    if (hi === lo) continue;
    for (let k = 1; k < sorted.length - 1; k++) {
      const i = sorted[k]!;
      distance.set(i, distance.get(i)! + (points[sorted[k + 1]!]![key] - points[sorted[k - 1]!]![key]) / (hi - lo));
    }
  }
  return distance;
}

/**
 * The budget frontier of a set of points: those within budget that no other point within
 * budget dominates, by ascending cost (equal points keep the first). Reading it left to
 * right gives, for each level of spending, the most outcome any evaluated policy reached.
 */
export function paretoFrontier<T extends Scored>(points: readonly T[], budget: number): T[] {
  const feasible = points.filter((p) => p.cost <= budget).map((p, i) => ({ p, i }));
  feasible.sort((a, b) => a.p.cost - b.p.cost || b.p.outcome - a.p.outcome || a.i - b.i);
  const out: T[] = [];
  let best = -Infinity;
  for (const { p } of feasible) {
    if (p.outcome > best) {
      out.push(p);
      best = p.outcome;
    }
  }
  return out;
}
