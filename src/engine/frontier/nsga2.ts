import { randomStream, type Uniform } from '../../core/rng/stream.js';
import { polynomialMutation, sbx } from './operators.js';
import { crowdingDistances, nondominatedFronts } from './pareto.js';
import { admissible, Archive, checkLevers, diagonal, latinDesign, type Candidate, type FrontierProblem, type Lever, type SearchResult } from './problem.js';

/**
 * The budget-frontier search: NSGA-II (Deb, Pratap, Agarwal & Meyarivan 2002), "lite" in
 * that it has two objectives (minimise cost, maximise outcome), one constraint (cost ≤
 * budget, by constrained domination), and keeps an archive of every policy it evaluated.
 *
 * 1. Start from a Latin hypercube over the levers (plus any given starting policies).
 * 2. Each generation, pick parents by binary tournament (better front, then lonelier),
 *    breed children by simulated binary crossover and polynomial mutation, evaluate them
 *    (one batch, so worker threads run them side by side), and keep the best of parents
 *    and children by non-dominated sorting and crowding distance.
 * 3. The frontier is the non-dominated set, within budget, of *every* evaluated policy.
 *
 * Evaluations are cached by lever values. With common random numbers (every policy runs on
 * the same seeds) the simulated objectives are a deterministic function of the levers, so
 * the search is reproducible exactly for a given seed.
 */
export const NSGA2_METHOD = 'NSGA-II (constrained domination, SBX crossover, polynomial mutation) with an archive of every evaluated policy';

export interface Nsga2Options {
  /** Policies per generation (rounded up to an even number ≥ 4). */
  population?: number;
  generations?: number;
  seed?: number;
  /** Policies to include in the first generation (e.g. the current one). */
  initial?: readonly (readonly number[])[];
  crossoverProbability?: number;
  crossoverEta?: number;
  mutationEta?: number;
  onRound?: (round: number, rounds: number, evaluations: number) => void;
}

export const NSGA2_DEFAULT_GENERATIONS = 20;

/** Policies per generation: as asked (default 4 per lever, at least 16), rounded up to an even number ≥ 4. */
export function nsga2PopulationSize(levers: number, asked?: number): number {
  return Math.max(4, 2 * Math.ceil((asked ?? 4 * Math.max(4, levers)) / 2));
}

/** Runs the search; see the module comment for the method. */
export async function searchNsga2(problem: FrontierProblem, options: Nsga2Options = {}): Promise<SearchResult> {
  const { levers, budget } = problem;
  checkLevers(levers);
  const n = nsga2PopulationSize(levers.length, options.population);
  const generations = options.generations ?? NSGA2_DEFAULT_GENERATIONS;
  const pc = options.crossoverProbability ?? 0.9;
  const etaC = options.crossoverEta ?? 15;
  const etaM = options.mutationEta ?? 20;
  const pm = 1 / levers.length;
  const u = randomStream(options.seed ?? 1, 0, 'engine', 'frontier-search');
  const archive = new Archive(problem);
  const start = initialDesign(levers, n, u);
  (options.initial ?? []).slice(0, n).forEach((x, i) => (start[i] = admissible(levers, x)));
  let population = await archive.evaluate(start, 0);
  options.onRound?.(0, generations, archive.size);

  for (let g = 1; g <= generations; g++) {
    const rank = rankOf(population, budget);
    const children: number[][] = [];
    while (children.length < n) {
      const a = tournament(population, rank, u);
      const b = tournament(population, rank, u);
      const [c1, c2] = crossover(levers, a.x, b.x, pc, etaC, u);
      children.push(mutate(levers, c1, pm, etaM, u), mutate(levers, c2, pm, etaM, u));
    }
    const offspring = await archive.evaluate(children, g);
    population = survivors(uniqueById([...population, ...offspring]), n, budget);
    options.onRound?.(g, generations, archive.size);
  }
  return archive.result(NSGA2_METHOD, budget);
}

/**
 * The first generation: a quarter on the diagonal from every lever at its lower bound to
 * every lever at its upper bound (so the cheap and the generous ends of the frontier are
 * present from the start), the rest a Latin hypercube.
 */
function initialDesign(levers: readonly Lever[], n: number, u: Uniform): number[][] {
  const points = diagonal(levers, Math.max(2, Math.floor(n / 4)));
  return [...points, ...latinDesign(levers, n - points.length, u)];
}

interface Rank {
  front: Map<number, number>;
  crowding: Map<number, number>;
}

function rankOf(population: readonly Candidate[], budget: number): Rank {
  const front = new Map<number, number>();
  const crowding = new Map<number, number>();
  nondominatedFronts(population, budget).forEach((f, k) => {
    for (const i of f) front.set(i, k);
    for (const [i, d] of crowdingDistances(population, f)) crowding.set(i, d);
  });
  return { front, crowding };
}

/** Binary tournament: the better front wins, then the larger crowding distance, then the first drawn. */
function tournament(population: readonly Candidate[], rank: Rank, u: Uniform): Candidate {
  const i = Math.floor(u() * population.length);
  const j = Math.floor(u() * population.length);
  const fi = rank.front.get(i)!;
  const fj = rank.front.get(j)!;
  if (fi !== fj) return population[fi < fj ? i : j]!;
  return population[rank.crowding.get(j)! > rank.crowding.get(i)! ? j : i]!;
}

function crossover(levers: readonly Lever[], a: readonly number[], b: readonly number[], pc: number, eta: number, u: Uniform): [number[], number[]] {
  const c1 = [...a];
  const c2 = [...b];
  if (u() < pc) {
    levers.forEach((l, k) => {
      if (u() < 0.5) [c1[k], c2[k]] = sbx(a[k]!, b[k]!, l.lower, l.upper, eta, u);
    });
  }
  return [c1, c2];
}

function mutate(levers: readonly Lever[], x: number[], pm: number, eta: number, u: Uniform): number[] {
  const y = levers.map((l, k) => (u() < pm ? polynomialMutation(x[k]!, l.lower, l.upper, eta, u) : x[k]!));
  return admissible(levers, y);
}

function uniqueById(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<number>();
  return candidates.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)));
}

/** NSGA-II's elitist selection: whole fronts while they fit, then the lonelier of the next front. */
function survivors(pool: readonly Candidate[], n: number, budget: number): Candidate[] {
  const out: Candidate[] = [];
  for (const front of nondominatedFronts(pool, budget)) {
    if (out.length + front.length <= n) {
      for (const i of front) out.push(pool[i]!);
      if (out.length === n) break;
      continue;
    }
    const crowding = crowdingDistances(pool, front);
    const ordered = [...front].sort((a, b) => crowding.get(b)! - crowding.get(a)! || a - b);
    for (const i of ordered.slice(0, n - out.length)) out.push(pool[i]!);
    break;
  }
  return out;
}
