import type { Uniform } from '../../core/rng/stream.js';
import { latinHypercube } from '../sweep/design.js';
import { clamp } from './operators.js';
import { paretoFrontier, type Scored } from './pareto.js';

/**
 * What the frontier searches work on: levers with bounds, a budget, and a black box that
 * turns lever vectors into (cost, outcome). Both searches keep an archive of every policy
 * they evaluate, and the frontier is read from the whole archive.
 */
export interface Lever {
  readonly name: string;
  readonly lower: number;
  readonly upper: number;
  /** Round to whole numbers (households, days). */
  readonly integer?: boolean;
}

export interface FrontierProblem {
  readonly levers: readonly Lever[];
  readonly budget: number;
  /** Evaluates a batch of lever vectors (side by side when it can); answers in the same order. */
  evaluate(batch: readonly (readonly number[])[]): Promise<Scored[]>;
}

export interface Candidate extends Scored {
  /** Order of first evaluation (0-based). */
  readonly id: number;
  readonly x: readonly number[];
  /** Search round that first evaluated it (0 = the initial design). */
  readonly round: number;
}

export interface SearchResult {
  readonly method: string;
  /** Every distinct policy evaluated, in evaluation order. */
  readonly evaluated: Candidate[];
  /** Within budget, non-dominated, by ascending cost. */
  readonly frontier: Candidate[];
}

/** Lever values made admissible: inside the bounds, whole where the lever is. */
export function admissible(levers: readonly Lever[], x: readonly number[]): number[] {
  return levers.map((l, i) => {
    const v = clamp(x[i]!, l.lower, l.upper);
    return l.integer ? Math.round(v) : v;
  });
}

/** Evaluates policies once each: a cache by lever values in front of the problem's black box. */
export class Archive {
  readonly all: Candidate[] = [];
  private readonly byKey = new Map<string, Candidate>();

  constructor(private readonly problem: FrontierProblem) {}

  /** Evaluates the vectors not seen before in one batch; returns a candidate for each vector. */
  async evaluate(xs: readonly number[][], round: number): Promise<Candidate[]> {
    const fresh: number[][] = [];
    const freshKeys = new Set<string>();
    for (const x of xs) {
      const key = JSON.stringify(x);
      if (!this.byKey.has(key) && !freshKeys.has(key)) {
        freshKeys.add(key);
        fresh.push(x);
      }
    }
    const scores = fresh.length ? await this.problem.evaluate(fresh) : [];
    if (scores.length !== fresh.length) throw new Error(`evaluate returned ${scores.length} results for ${fresh.length} policies`);
    fresh.forEach((x, i) => {
      const s = scores[i]!;
      if (!Number.isFinite(s.cost) || !Number.isFinite(s.outcome)) throw new Error(`policy ${JSON.stringify(x)} gave a non-finite cost or outcome`);
      const c: Candidate = { id: this.all.length, x, cost: s.cost, outcome: s.outcome, round };
      this.all.push(c);
      this.byKey.set(JSON.stringify(x), c);
    });
    return xs.map((x) => this.byKey.get(JSON.stringify(x))!);
  }

  get size(): number {
    return this.all.length;
  }

  result(method: string, budget: number): SearchResult {
    return { method, evaluated: this.all, frontier: paretoFrontier(this.all, budget) };
  }
}

export function checkLevers(levers: readonly Lever[]): void {
  if (!levers.length) throw new RangeError('the frontier search needs at least one lever');
  for (const l of levers) if (!(l.lower <= l.upper)) throw new RangeError(`lever ${l.name}: lower ${l.lower} is above upper ${l.upper}`);
}

/** Points on the diagonal from every lever at its lower bound to every lever at its upper bound. */
export function diagonal(levers: readonly Lever[], count: number): number[][] {
  return Array.from({ length: count }, (_, k) => {
    const t = count === 1 ? 0 : k / (count - 1);
    return admissible(levers, levers.map((l) => l.lower + t * (l.upper - l.lower)));
  });
}

/** A Latin hypercube of `count` admissible policies over the levers' ranges. */
export function latinDesign(levers: readonly Lever[], count: number, u: Uniform): number[][] {
  if (count <= 0) return [];
  const dims = levers.map((l) => ({ kind: 'interval' as const, from: l.lower, to: l.upper, tidy: (v: number) => v }));
  return latinHypercube(dims, count, u).map((x) => admissible(levers, x as number[]));
}
