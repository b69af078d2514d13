import type { FitParameter } from './fittable.js';

/** Parameters fitted together: they share targets, directly or through one another. */
export interface FitGroupPlan {
  readonly parameters: readonly FitParameter[];
  readonly targets: readonly string[];
}

/**
 * Splits the parameters into groups connected by shared targets (connected components of
 * the parameter–target graph), in catalogue order. Each group is a separate, smaller
 * Nelder–Mead problem: the simplex method slows down quickly with dimension.
 */
export function planFitGroups(params: readonly FitParameter[]): FitGroupPlan[] {
  const parent = params.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byTarget = new Map<string, number>();
  params.forEach((p, i) => {
    for (const t of p.targets) {
      const j = byTarget.get(t);
      if (j === undefined) byTarget.set(t, i);
      else parent[find(i)] = find(j);
    }
  });
  const groups = new Map<number, FitParameter[]>();
  params.forEach((p, i) => {
    const root = find(i);
    const list = groups.get(root) ?? [];
    list.push(p);
    groups.set(root, list);
  });
  return [...groups.values()].map((ps) => ({ parameters: ps, targets: [...new Set(ps.flatMap((p) => p.targets))] }));
}
