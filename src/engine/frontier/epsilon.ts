import { randomStream } from '../../core/rng/stream.js';
import { admissible, Archive, checkLevers, diagonal, latinDesign, type Candidate, type FrontierProblem, type Lever, type SearchResult } from './problem.js';

/**
 * The default budget-frontier search: an ε-constraint scan refined by direct search.
 *
 * The frontier is traced at K budget levels c_k = budget·k/K. At each level the search
 * maximises the outcome subject to cost ≤ c_k by a pattern search on the levers (measured
 * in shares of each lever's range, step h):
 *
 * 1. Compass poll: move each lever up and down by h. Besides being candidates, these give
 *    finite-difference slopes of cost (g) and outcome (f) at the incumbent.
 * 2. Exchange moves: along the outcome gradient projected to keep cost constant,
 *    d = f − (f·g / g·g) g (levers held at a bound drop out), at steps h/2, h and 2h:
 *    money moves from levers with little outcome per yuan to levers with more. A plain
 *    compass search stalls on the budget boundary; this is what lets it slide along it.
 * 3. Slack moves: when the incumbent is under the level, along f to spend the slack (at the
 *    first-order step that reaches c_k, and half of it); when over, along −g to get under.
 * 4. The level's new incumbent is the best policy within c_k in the whole archive (so
 *    levels learn from each other's evaluations); if none beats the old one, h halves.
 *
 * A level stops when h falls below `minStep`; the search stops when all have, or when the
 * evaluation budget is spent. Every round's polls for all levels go out as one batch, so
 * worker threads run them side by side. The reported frontier is the non-dominated set of
 * every policy evaluated, not only the K incumbents.
 */
export const EPSILON_METHOD = 'ε-constraint scan over budget levels, each refined by pattern search with cost-neutral exchange moves';

export interface EpsilonOptions {
  /** Budget levels K (default 8). */
  levels?: number;
  /** Size of the initial Latin hypercube (default 2·levers + 2), besides a diagonal of K + 1 points. */
  initialPoints?: number;
  /** Policies to evaluate first (e.g. the current one). */
  initial?: readonly (readonly number[])[];
  /** First step, as a share of each lever's range (default 0.25). */
  step?: number;
  /** A level stops once its step is below this share of the range (default 1/64). */
  minStep?: number;
  /** Stop after this many evaluations (default 12 · levers · levels). */
  maxEvaluations?: number;
  seed?: number;
  onRound?: (round: number, evaluations: number, maxEvaluations: number) => void;
}

/** Budget levels when none are given. */
export const DEFAULT_LEVELS = 8;

/** The default evaluation budget: 12 per lever per budget level. */
export function defaultMaxEvaluations(levers: number, levels: number): number {
  return 12 * levers * levels;
}

interface Level {
  readonly cap: number;
  incumbent: Candidate;
  step: number;
}

/** Runs the search; see the module comment for the method. */
export async function searchEpsilon(problem: FrontierProblem, options: EpsilonOptions = {}): Promise<SearchResult> {
  const { levers, budget } = problem;
  checkLevers(levers);
  const d = levers.length;
  const k = Math.max(1, Math.floor(options.levels ?? DEFAULT_LEVELS));
  const minStep = options.minStep ?? 1 / 64;
  const maxEvaluations = options.maxEvaluations ?? defaultMaxEvaluations(d, k);
  const u = randomStream(options.seed ?? 1, 0, 'engine', 'frontier-search');
  const archive = new Archive(problem);
  const start = [...(options.initial ?? []).map((x) => admissible(levers, x)), ...diagonal(levers, k + 1), ...latinDesign(levers, options.initialPoints ?? 2 * d + 2, u)];
  await archive.evaluate(start, 0);
  const levels: Level[] = Array.from({ length: k }, (_, i) => {
    const cap = (budget * (i + 1)) / k;
    return { cap, incumbent: bestWithin(archive.all, cap), step: options.step ?? 0.25 };
  });
  let round = 0;
  options.onRound?.(round, archive.size, maxEvaluations);
  while (archive.size < maxEvaluations) {
    const active = levels.filter((l) => l.step >= minStep);
    if (!active.length) break;
    round++;
    const polls = active.map((l) => compassPoll(levers, l.incumbent.x, l.step));
    const polled = await archive.evaluate(polls.flat(), round);
    let at = 0;
    const moves = active.map((l, i) => {
      const poll = polled.slice(at, (at += polls[i]!.length));
      return directedMoves(levers, l, poll);
    });
    await archive.evaluate(moves.flat(), round);
    for (const l of active) {
      const best = bestWithin(archive.all, l.cap);
      if (better(best, l.incumbent, l.cap)) l.incumbent = best;
      else l.step /= 2;
    }
    options.onRound?.(round, archive.size, maxEvaluations);
  }
  return archive.result(EPSILON_METHOD, budget);
}

/** True when `a` is a better answer than `b` for a level: within it and more outcome (then less cost), or less over it. */
function better(a: Candidate, b: Candidate, cap: number): boolean {
  const va = Math.max(0, a.cost - cap);
  const vb = Math.max(0, b.cost - cap);
  if (va !== vb) return va < vb;
  if (a.outcome !== b.outcome) return a.outcome > b.outcome;
  return a.cost < b.cost;
}

/** The best policy for a level: most outcome within the cap; if none is within, the least over it. */
function bestWithin(all: readonly Candidate[], cap: number): Candidate {
  let best = all[0]!;
  for (const c of all) if (better(c, best, cap)) best = c;
  return best;
}

/** The step of lever i for a share h of its range; at least 1 for whole-number levers. */
function stepOf(l: Lever, h: number): number {
  const s = h * (l.upper - l.lower);
  return l.integer ? Math.max(1, Math.round(s)) : s;
}

/** Each lever moved up and down by the step (moves that hit a bound and change nothing are left out). */
function compassPoll(levers: readonly Lever[], x: readonly number[], h: number): number[][] {
  const out: number[][] = [];
  levers.forEach((l, i) => {
    for (const sign of [1, -1]) {
      const y = [...x];
      y[i] = x[i]! + sign * stepOf(l, h);
      const z = admissible(levers, y);
      if (z[i] !== x[i]) out.push(z);
    }
  });
  return out;
}

/** Finite-difference slopes of cost and outcome per unit of each lever's range, from a compass poll. */
function slopes(levers: readonly Lever[], centre: Candidate, poll: readonly Candidate[]): { g: number[]; f: number[] } {
  const g = new Array<number>(levers.length).fill(0);
  const f = new Array<number>(levers.length).fill(0);
  levers.forEach((l, i) => {
    const range = l.upper - l.lower;
    const moved = poll.filter((p) => p.x[i] !== centre.x[i]);
    if (!range || !moved.length) return;
    const lo = moved.reduce((a, p) => (p.x[i]! < a.x[i]! ? p : a), centre);
    const hi = moved.reduce((a, p) => (p.x[i]! > a.x[i]! ? p : a), centre);
    const dx = (hi.x[i]! - lo.x[i]!) / range;
    if (dx <= 0) return;
    g[i] = (hi.cost - lo.cost) / dx;
    f[i] = (hi.outcome - lo.outcome) / dx;
  });
  return { g, f };
}

/** Exchange moves along the cost-neutral projected gradient, and slack (or repair) moves toward the level. */
function directedMoves(levers: readonly Lever[], level: Level, poll: readonly Candidate[]): number[][] {
  const x = level.incumbent.x;
  const { g, f } = slopes(levers, level.incumbent, poll);
  const out: number[][] = [];
  const along = (dir: readonly number[], t: number) => admissible(levers, levers.map((l, i) => x[i]! + t * dir[i]! * (l.upper - l.lower)));
  const exchange = projectedDirection(levers, x, f, g);
  if (exchange) for (const t of [0.5, 1, 2]) out.push(along(exchange, t * level.step));
  const slack = level.cap - level.incumbent.cost;
  const toward = slack >= 0 ? blockedAtBounds(levers, x, f) : blockedAtBounds(levers, x, g.map((v) => -v));
  if (toward) {
    const costRate = dot(g, toward);
    if (slack > 0 && costRate > 0) for (const s of [0.5, 1]) out.push(along(toward, (s * slack) / costRate));
    if (slack < 0 && costRate < 0) for (const s of [1, 1.5]) out.push(along(toward, (s * slack) / costRate));
  }
  return out;
}

/** The direction, zeroed on levers at a bound it would push past; undefined when nothing is left. */
function blockedAtBounds(levers: readonly Lever[], x: readonly number[], dir: readonly number[]): number[] | undefined {
  const out = dir.map((v, i) => ((v > 0 && x[i]! >= levers[i]!.upper) || (v < 0 && x[i]! <= levers[i]!.lower) ? 0 : v));
  const size = Math.max(...out.map(Math.abs));
  return size > 0 ? out.map((v) => v / size) : undefined;
}

/** f minus its component along g, over the levers free to move that way; scaled to a largest entry of 1. */
function projectedDirection(levers: readonly Lever[], x: readonly number[], f: readonly number[], g: readonly number[]): number[] | undefined {
  const free = levers.map((l) => l.upper > l.lower);
  for (let pass = 0; pass <= levers.length; pass++) {
    const gg = dot(g, g, free);
    const lambda = gg > 0 ? dot(f, g, free) / gg : 0;
    const dir = f.map((v, i) => (free[i] ? v - lambda * g[i]! : 0));
    const blocked = dir.findIndex((v, i) => free[i] && ((v > 0 && x[i]! >= levers[i]!.upper) || (v < 0 && x[i]! <= levers[i]!.lower)));
    if (blocked < 0) {
      const size = Math.max(...dir.map(Math.abs));
      return size > 1e-12 ? dir.map((v) => v / size) : undefined;
    }
    free[blocked] = false;
  }
  return undefined;
}

function dot(a: readonly number[], b: readonly number[], mask?: readonly boolean[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) if (!mask || mask[i]) s += a[i]! * b[i]!;
  return s;
}
