import { resolve } from 'node:path';
import { getPath } from '../../scenario/paths.js';
import { ScenarioError, type ScenarioIssue } from '../../scenario/issues.js';
import { displayPath, withOverrides, type Scenario } from '../../scenario/load.js';
import { allMetrics } from '../simulate.js';
import { describePoint, fingerprintOf, loadBase, readMapping } from '../sweep/spec.js';
import { checkValue, finiteNumber, isNumberSpec, specAt, wholeNumber } from '../sweep/values.js';
import type { Lever } from './problem.js';
import { describeTerms, parseTerms, type Term, type TermsInput } from './terms.js';

/**
 * A budget-frontier problem as written in a file or built in code: a base scenario, the
 * levers with their bounds, what counts as cost and as outcome (sums of metric terms),
 * the budget, and how to search.
 */

/** The district's 2016 funding of the insurance package: the article's budget (445万元). */
export const DEFAULT_BUDGET_YUAN = 4_450_000;

/** A lever on one parameter, or a split of a fixed total between two money parameters. */
export interface PlanLever extends Lever {
  /** The parameter this lever sets (path levers). */
  readonly path?: string;
  /** Share `x` of `total` goes to paths[0], the rest to paths[1] (split levers). */
  readonly split?: { readonly total: number; readonly paths: readonly [string, string] };
  /** The base scenario's value of the lever, when it has one inside the bounds. */
  readonly current?: number;
}

export type SearchSettings =
  | { method: 'epsilon'; levels?: number; maxEvaluations?: number; initialPoints?: number; step?: number; minStep?: number; seed?: number }
  | { method: 'nsga2'; population?: number; generations?: number; seed?: number };

export interface FrontierInput {
  name?: string;
  base: Scenario;
  set?: Readonly<Record<string, unknown>>;
  replications?: number;
  seed?: number;
  /** Spending limit in yuan (default 4.45M). */
  budget?: number;
  /** What a policy costs and achieves: sums of metric terms (see terms.ts). */
  cost: TermsInput;
  outcome: TermsInput;
  /** Labels of the outcome for tables and charts (default: from the metric). */
  outcomeLabel?: { zh: string; en: string };
  levers?: Readonly<Record<string, { from: number; to: number; integer?: boolean }>>;
  splits?: ReadonlyArray<{ name: string; total: number; paths: readonly string[]; from: number; to: number }>;
  search?: Partial<SearchSettings>;
}

export interface FrontierPlan {
  readonly name: string;
  readonly file: string;
  readonly base: Scenario;
  readonly seed: number;
  readonly replications: number;
  readonly budget: number;
  readonly cost: readonly Term[];
  readonly outcome: readonly Term[];
  readonly outcomeLabel: { zh: string; en: string };
  readonly levers: readonly PlanLever[];
  readonly search: SearchSettings;
  readonly fingerprint: string;
}

const FRONTIER_KEYS = new Set(['name', 'title', 'description', 'base', 'set', 'replications', 'seed', 'budget', 'cost', 'outcome', 'outcomeLabel', 'levers', 'splits', 'search']);

/** Loads and validates a frontier file (`base` relative to it). Throws ScenarioError with every problem. */
export function loadFrontierFile(file: string): FrontierPlan {
  const shown = displayPath(resolve(file));
  const issues: ScenarioIssue[] = [];
  const doc = readMapping(file, shown, issues);
  if (!doc) throw new ScenarioError(issues);
  for (const key of Object.keys(doc)) if (!FRONTIER_KEYS.has(key)) issues.push({ file: shown, path: key, problem: 'unknown key', expected: `one of ${[...FRONTIER_KEYS].join(', ')}` });
  const base = loadBase(doc.base, file, shown, issues);
  if (!base) throw new ScenarioError(issues);
  const { title: _t, description: _d, base: _b, ...rest } = doc;
  return planFrontier({ ...(rest as Omit<FrontierInput, 'base'>), base }, shown, issues, resolve(file));
}

function parseSearch(value: unknown, file: string, issues: ScenarioIssue[]): SearchSettings {
  if (value === undefined) return { method: 'epsilon' };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, path: 'search', problem: 'expected search settings', got: value, expected: '{method: epsilon | nsga2, …}' });
    return { method: 'epsilon' };
  }
  const s = value as Record<string, unknown>;
  const method = s.method ?? 'epsilon';
  const whole = (key: string, min: number, max: number) => (s[key] === undefined ? undefined : wholeNumber(s[key], file, `search.${key}`, issues, min, max));
  const share = (key: string) => {
    if (s[key] === undefined) return undefined;
    const v = finiteNumber(s[key], file, `search.${key}`, issues);
    if (v !== undefined && !(v > 0 && v <= 1)) issues.push({ file, path: `search.${key}`, problem: 'out of range', got: v, expected: 'a share of the range, > 0 and ≤ 1' });
    return v;
  };
  const known = method === 'nsga2' ? ['method', 'population', 'generations', 'seed'] : ['method', 'levels', 'maxEvaluations', 'initialPoints', 'step', 'minStep', 'seed'];
  for (const k of Object.keys(s)) if (!known.includes(k)) issues.push({ file, path: `search.${k}`, problem: `unknown key for method ${String(method)}`, expected: known.join(', ') });
  const seed = whole('seed', -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  if (method === 'nsga2') return defined({ method, population: whole('population', 4, 10_000), generations: whole('generations', 0, 10_000), seed });
  if (method !== 'epsilon') issues.push({ file, path: 'search.method', problem: 'unknown search method', got: method, expected: 'epsilon or nsga2' });
  return defined({ method: 'epsilon' as const, levels: whole('levels', 1, 1000), maxEvaluations: whole('maxEvaluations', 1, 1_000_000), initialPoints: whole('initialPoints', 0, 100_000), step: share('step'), minStep: share('minStep'), seed });
}

function parseLever(path: string, value: unknown, base: Scenario, file: string, issues: ScenarioIssue[]): PlanLever | undefined {
  const where = `levers.${path}`;
  const spec = specAt(path, file, where, issues);
  if (!spec) return undefined;
  if (!isNumberSpec(spec)) {
    issues.push({ file, path: where, problem: 'a lever needs a numeric parameter', got: path, expected: 'a parameter measured by a number' });
    return undefined;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, path: where, problem: 'expected bounds', got: value, expected: '{from, to} (and integer: true to keep it whole)' });
    return undefined;
  }
  const r = value as Record<string, unknown>;
  for (const k of Object.keys(r)) if (!['from', 'to', 'integer'].includes(k)) issues.push({ file, path: `${where}.${k}`, problem: 'unknown key', expected: 'from, to, integer' });
  const lower = finiteNumber(r.from, file, `${where}.from`, issues);
  const upper = finiteNumber(r.to, file, `${where}.to`, issues);
  if (lower === undefined || upper === undefined) return undefined;
  if (!checkValue(spec, lower, file, `${where}.from`, issues) || !checkValue(spec, upper, file, `${where}.to`, issues)) return undefined;
  if (lower > upper) {
    issues.push({ file, path: where, problem: 'from is above to', got: value, expected: 'from ≤ to' });
    return undefined;
  }
  if (r.integer !== undefined && typeof r.integer !== 'boolean') issues.push({ file, path: `${where}.integer`, problem: 'expected true or false', got: r.integer });
  const current = getPath(base.values, path) as number;
  return { name: path, path, lower, upper, integer: spec.integer === true || r.integer === true, ...(current >= lower && current <= upper ? { current } : {}) };
}

function parseSplit(value: unknown, i: number, base: Scenario, file: string, issues: ScenarioIssue[]): PlanLever | undefined {
  const where = `splits[${i}]`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, path: where, problem: 'expected a split', got: value, expected: '{name, total, paths: [a, b], from, to}' });
    return undefined;
  }
  const s = value as Record<string, unknown>;
  for (const k of Object.keys(s)) if (!['name', 'total', 'paths', 'from', 'to'].includes(k)) issues.push({ file, path: `${where}.${k}`, problem: 'unknown key', expected: 'name, total, paths, from, to' });
  if (typeof s.name !== 'string' || !s.name) issues.push({ file, path: `${where}.name`, problem: 'a split needs a name', got: s.name, expected: 'e.g. insuranceShare' });
  const total = finiteNumber(s.total, file, `${where}.total`, issues);
  const lower = finiteNumber(s.from, file, `${where}.from`, issues);
  const upper = finiteNumber(s.to, file, `${where}.to`, issues);
  if (lower !== undefined && upper !== undefined && !(lower >= 0 && upper <= 1 && lower <= upper)) issues.push({ file, path: where, problem: 'shares out of range', got: { from: lower, to: upper }, expected: '0 ≤ from ≤ to ≤ 1' });
  if (total !== undefined && total < 0) issues.push({ file, path: `${where}.total`, problem: 'out of range', got: total, expected: 'a total ≥ 0' });
  const paths = s.paths;
  if (!Array.isArray(paths) || paths.length !== 2 || paths.some((p) => typeof p !== 'string') || paths[0] === paths[1]) {
    issues.push({ file, path: `${where}.paths`, problem: 'a split names two different parameters', got: paths, expected: '[path receiving the share, path receiving the rest]' });
    return undefined;
  }
  const specs = (paths as string[]).map((p, k) => specAt(p, file, `${where}.paths[${k}]`, issues));
  if (typeof s.name !== 'string' || total === undefined || lower === undefined || upper === undefined || specs.some((x) => !x)) return undefined;
  for (const [k, share] of [[0, lower], [0, upper], [1, 1 - lower], [1, 1 - upper]] as const) checkValue(specs[k]!, share * total, file, `${where}.paths[${k}]`, issues);
  const current = total > 0 ? (getPath(base.values, paths[0] as string) as number) / total : undefined;
  return { name: s.name, lower, upper, split: { total, paths: [paths[0] as string, paths[1] as string] }, ...(current !== undefined && current >= lower && current <= upper ? { current } : {}) };
}

/** The parameter overrides a lever vector stands for. */
export function leverOverrides(levers: readonly PlanLever[], x: readonly number[]): Record<string, number> {
  const out: Record<string, number> = {};
  levers.forEach((l, i) => {
    const v = x[i]!;
    if (l.path) out[l.path] = v;
    else if (l.split) {
      out[l.split.paths[0]] = roundYuan(v * l.split.total);
      out[l.split.paths[1]] = roundYuan(l.split.total - roundYuan(v * l.split.total));
    }
  });
  return out;
}

/** Money to the fen, so split parts add up to the total exactly. */
function roundYuan(x: number): number {
  return Math.round(x * 100) / 100;
}

/**
 * Validates a frontier problem before any work starts: lever paths, bounds against each
 * parameter's schema, metric ids, budget, search settings, and the scenario's rules at the
 * levers' lower and upper corners.
 */
export function planFrontier(input: FrontierInput, file = 'frontier', issues: ScenarioIssue[] = [], sourceFile = ''): FrontierPlan {
  let base = input.base;
  if (input.set && Object.keys(input.set).length) {
    try {
      base = withOverrides(base, input.set, `${file} (set)`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues.push(...e.issues.map((i) => ({ ...i, path: i.path ? `set.${i.path}` : 'set' })));
    }
  }
  const replications = input.replications === undefined ? base.values.simulation.replications : wholeNumber(input.replications, file, 'replications', issues, 1, 100_000);
  const seed = input.seed === undefined ? base.values.simulation.seed : wholeNumber(input.seed, file, 'seed', issues, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const budget = input.budget === undefined ? DEFAULT_BUDGET_YUAN : finiteNumber(input.budget, file, 'budget', issues);
  if (budget !== undefined && budget <= 0) issues.push({ file, path: 'budget', problem: 'out of range', got: budget, expected: 'a budget > 0 yuan' });
  const cost = parseTerms(input.cost, 'cost', file, issues);
  const outcome = parseTerms(input.outcome, 'outcome', file, issues);
  const levers: PlanLever[] = [];
  const leverMap = input.levers ?? {};
  if (leverMap === null || typeof leverMap !== 'object' || Array.isArray(leverMap)) issues.push({ file, path: 'levers', problem: 'expected path: {from, to} pairs', got: leverMap });
  else for (const [path, v] of Object.entries(leverMap)) levers.push(parseLever(path, v, base, file, issues)!);
  const splits = input.splits ?? [];
  if (!Array.isArray(splits)) issues.push({ file, path: 'splits', problem: 'expected a list of splits', got: splits });
  else splits.forEach((s, i) => levers.push(parseSplit(s, i, base, file, issues)!));
  if (!levers.length) issues.push({ file, path: 'levers', problem: 'no levers to search over', expected: 'at least one lever or split' });
  const names = levers.filter(Boolean).map((l) => l.name);
  const touched = levers.filter(Boolean).flatMap((l) => (l.path ? [l.path] : l.split!.paths));
  if (new Set(names).size !== names.length || new Set(touched).size !== touched.length) issues.push({ file, path: 'levers', problem: 'two levers set the same parameter or share a name', got: touched });
  const search = parseSearch(input.search, file, issues);
  if (issues.length || levers.some((l) => !l) || replications === undefined || seed === undefined || budget === undefined) throw new ScenarioError(issues);
  for (const corner of ['lower', 'upper'] as const) {
    const overrides = leverOverrides(levers, levers.map((l) => l[corner]));
    try {
      withOverrides(base, overrides, file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const i of e.issues) issues.push({ ...i, file, problem: `levers at their ${corner} bounds (${describePoint(overrides)}): ${i.problem}` });
    }
  }
  if (issues.length) throw new ScenarioError(issues);
  const metricSpec = allMetrics().find((m) => m.id === outcome[0]?.metric);
  const single = outcome.length === 1 && outcome[0]!.weight === 1 && !outcome[0]!.times;
  const outcomeLabel = input.outcomeLabel ?? (single && metricSpec ? { zh: metricSpec.zh, en: metricSpec.en } : { zh: `结果指标: ${describeTerms(outcome)}`, en: `Outcome: ${describeTerms(outcome)}` });
  const name = input.name ?? (sourceFile ? sourceFile.replace(/^.*\//, '').replace(/\.ya?ml$/, '') : 'frontier');
  const fingerprint = fingerprintOf({ base: base.values, seed, replications, budget, cost, outcome, levers, search });
  return { name, file: sourceFile, base, seed, replications, budget, cost, outcome, outcomeLabel, levers, search, fingerprint };
}
