import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ScenarioError, type ScenarioIssue } from '../../scenario/issues.js';
import { displayPath, loadScenario, parseYamlSafely, withOverrides, type Scenario } from '../../scenario/load.js';
import { allMetrics } from '../simulate.js';
import { designPoints, gridSize, MAX_DESIGN_POINTS, type DesignKind, type Dimension } from './design.js';
import { checkValue, finiteNumber, isNumberSpec, specAt, tidyNumber, wholeNumber } from './values.js';

/**
 * A sweep (NetLogo BehaviorSpace's experiment): a base scenario, parameters to vary, a
 * design, replications and a seed. Every design point runs the same replications on the
 * same seed, so points differ only by their parameters (common random numbers across points).
 */

/** How one path varies: a list of values, or a range `{from, to, steps?}`. */
export type VarySpec = readonly unknown[] | { from: number; to: number; steps?: number };

/** A sweep as written in a file or built in code, before validation. */
export interface SweepInput {
  name?: string;
  base: Scenario;
  /** Fixed overrides applied to the base before varying (e.g. a smaller population). */
  set?: Readonly<Record<string, unknown>>;
  replications?: number;
  seed?: number;
  design?: 'grid' | 'lhs' | DesignKind;
  vary: Readonly<Record<string, VarySpec>>;
  /** Metric ids to report; all metrics when omitted. */
  metrics?: readonly string[];
}

/** A validated sweep: every design point already checked against the scenario's rules. */
export interface SweepPlan {
  readonly name: string;
  /** The sweep file ('' when built in code). */
  readonly file: string;
  /** The base scenario with `set` applied. */
  readonly base: Scenario;
  readonly set: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly replications: number;
  readonly design: DesignKind;
  readonly paths: readonly string[];
  readonly metrics: readonly string[];
  /** Design points, in design order: path → value. */
  readonly points: ReadonlyArray<Readonly<Record<string, unknown>>>;
  /** Hash of everything that decides the results (base values, seed, replications, metrics, points). */
  readonly fingerprint: string;
}

const SWEEP_KEYS = new Set(['name', 'title', 'description', 'base', 'set', 'replications', 'seed', 'design', 'vary', 'metrics']);

/** Loads and validates a sweep file; `base` and paths inside it are relative to the file. Throws ScenarioError with every problem. */
export function loadSweepFile(file: string): SweepPlan {
  const shown = displayPath(resolve(file));
  const issues: ScenarioIssue[] = [];
  const doc = readMapping(file, shown, issues);
  if (!doc) throw new ScenarioError(issues);
  for (const key of Object.keys(doc)) if (!SWEEP_KEYS.has(key)) issues.push({ file: shown, path: key, problem: 'unknown key', expected: `one of ${[...SWEEP_KEYS].join(', ')}` });
  const base = loadBase(doc.base, file, shown, issues);
  if (!base) throw new ScenarioError(issues);
  const input: SweepInput = {
    base,
    ...(doc.name !== undefined ? { name: String(doc.name) } : {}),
    ...(doc.set !== undefined ? { set: doc.set as Record<string, unknown> } : {}),
    ...(doc.replications !== undefined ? { replications: doc.replications as number } : {}),
    ...(doc.seed !== undefined ? { seed: doc.seed as number } : {}),
    ...(doc.design !== undefined ? { design: doc.design as DesignKind } : {}),
    vary: (doc.vary ?? {}) as Record<string, VarySpec>,
    ...(doc.metrics !== undefined ? { metrics: doc.metrics as string[] } : {}),
  };
  return planSweep(input, shown, issues, resolve(file));
}

/** Reads a YAML file that must hold a mapping (sweep and frontier files). */
export function readMapping(file: string, shown: string, issues: ScenarioIssue[]): Record<string, unknown> | undefined {
  if (!existsSync(file)) {
    issues.push({ file: shown, path: '', problem: 'file not found', got: shown, expected: 'an existing YAML file' });
    return undefined;
  }
  const doc = parseYamlSafely(readFileSync(file, 'utf8'), shown, issues);
  if (doc === undefined) return undefined;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    issues.push({ file: shown, path: '', problem: 'the file must be a mapping of keys to values', got: doc, expected: 'key: value lines' });
    return undefined;
  }
  return doc as Record<string, unknown>;
}

/** Loads the `base:` scenario named in a sweep or frontier file (relative to that file). */
export function loadBase(base: unknown, file: string, shown: string, issues: ScenarioIssue[]): Scenario | undefined {
  if (typeof base !== 'string' || base.trim() === '') {
    issues.push({ file: shown, path: 'base', problem: 'name the base scenario file', got: base, expected: 'a scenario file path relative to this file' });
    return undefined;
  }
  try {
    return loadScenario(resolve(dirname(resolve(file)), base));
  } catch (e) {
    if (e instanceof ScenarioError) {
      issues.push(...e.issues);
      return undefined;
    }
    throw e;
  }
}

/** The design kind from `grid`, `lhs` (needs n), `{type: grid}` or `{type: lhs, n}`. */
function parseDesign(design: SweepInput['design'], file: string, issues: ScenarioIssue[]): DesignKind | undefined {
  if (design === undefined || design === 'grid') return { type: 'grid' };
  if (design !== null && typeof design === 'object' && !Array.isArray(design)) {
    const d = design as Record<string, unknown>;
    const extra = Object.keys(d).filter((k) => k !== 'type' && k !== 'n');
    if (extra.length) issues.push({ file, path: `design.${extra[0]}`, problem: 'unknown key', expected: 'type, and n for lhs' });
    if (d.type === 'grid') return { type: 'grid' };
    if (d.type === 'lhs') {
      const n = wholeNumber(d.n, file, 'design.n', issues, 1, MAX_DESIGN_POINTS);
      return n === undefined ? undefined : { type: 'lhs', n };
    }
  }
  issues.push({ file, path: 'design', problem: 'unknown design', got: design, expected: 'grid, or {type: lhs, n: <samples>}' });
  return undefined;
}

/** One varied path as a design dimension, after checking every value against the parameter. */
function parseDimension(path: string, vary: unknown, design: DesignKind, file: string, issues: ScenarioIssue[]): Dimension | undefined {
  const where = `vary.${path}`;
  const spec = specAt(path, file, where, issues);
  if (!spec) return undefined;
  if (Array.isArray(vary)) {
    if (vary.length === 0) {
      issues.push({ file, path: where, problem: 'empty list of values', got: vary, expected: `at least one value, ${spec.expected}` });
      return undefined;
    }
    let ok = true;
    vary.forEach((v, i) => (ok = checkValue(spec, v, file, `${where}[${i}]`, issues) && ok));
    return ok ? { kind: 'levels', values: vary } : undefined;
  }
  if (vary === null || typeof vary !== 'object') {
    issues.push({ file, path: where, problem: 'expected a list of values or a range', got: vary, expected: '[v1, v2, …] or {from, to, steps}' });
    return undefined;
  }
  const r = vary as Record<string, unknown>;
  const extra = Object.keys(r).filter((k) => k !== 'from' && k !== 'to' && k !== 'steps');
  if (extra.length) issues.push({ file, path: `${where}.${extra[0]}`, problem: 'unknown key in a range', expected: 'from, to, steps' });
  if (!isNumberSpec(spec)) {
    issues.push({ file, path: where, problem: 'a range needs a numeric parameter', got: vary, expected: `a list of values, ${spec.expected}` });
    return undefined;
  }
  const from = finiteNumber(r.from, file, `${where}.from`, issues);
  const to = finiteNumber(r.to, file, `${where}.to`, issues);
  const fromOk = from !== undefined && checkValue(spec, from, file, `${where}.from`, issues);
  const toOk = to !== undefined && checkValue(spec, to, file, `${where}.to`, issues);
  if (!fromOk || !toOk || from === undefined || to === undefined) return undefined;
  if (r.steps === undefined) {
    if (design.type === 'grid') {
      issues.push({ file, path: `${where}.steps`, problem: 'a range in a grid needs steps', expected: 'a whole number of values ≥ 1' });
      return undefined;
    }
    return { kind: 'interval', from, to, tidy: (x) => tidyNumber(spec, x) };
  }
  const steps = wholeNumber(r.steps, file, `${where}.steps`, issues, 1, MAX_DESIGN_POINTS);
  if (steps === undefined) return undefined;
  const values = Array.from({ length: steps }, (_, i) => tidyNumber(spec, steps === 1 ? from : from + ((to - from) * i) / (steps - 1)));
  if (new Set(values).size !== values.length) {
    issues.push({ file, path: `${where}.steps`, problem: 'steps repeat values of a whole-number parameter', got: steps, expected: `at most ${Math.abs(to - from) + 1} steps` });
    return undefined;
  }
  values.forEach((v, i) => checkValue(spec, v, file, `${where}[${i}]`, issues));
  return { kind: 'levels', values };
}

/**
 * Validates a sweep and builds its design: unknown paths, empty lists, values that fail a
 * parameter's schema, unknown metrics, and design points that break a cross-parameter
 * rule are all reported (every one, naming path and value) before any work starts.
 */
export function planSweep(input: SweepInput, file = 'sweep', issues: ScenarioIssue[] = [], sourceFile = ''): SweepPlan {
  let base = input.base;
  const set = input.set ?? {};
  if (set === null || typeof set !== 'object' || Array.isArray(set)) issues.push({ file, path: 'set', problem: 'expected path: value pairs', got: set });
  else if (Object.keys(set).length) {
    try {
      base = withOverrides(base, set, `${file} (set)`);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      issues.push(...e.issues.map((i) => ({ ...i, path: i.path ? `set.${i.path}` : 'set' })));
    }
  }
  const replications = input.replications === undefined ? base.values.simulation.replications : wholeNumber(input.replications, file, 'replications', issues, 1, 100_000);
  const seed = input.seed === undefined ? base.values.simulation.seed : wholeNumber(input.seed, file, 'seed', issues, -Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const design = parseDesign(input.design === 'lhs' ? ({ type: 'lhs' } as unknown as DesignKind) : input.design, file, issues);
  const metrics = checkMetrics(input.metrics, file, issues);
  const vary = input.vary;
  const paths = vary && typeof vary === 'object' && !Array.isArray(vary) ? Object.keys(vary) : [];
  if (!paths.length) issues.push({ file, path: 'vary', problem: 'nothing to vary', got: vary, expected: 'path: [values] or path: {from, to, steps}' });
  const dimensions = design ? paths.map((p) => parseDimension(p, (vary as Record<string, unknown>)[p], design, file, issues)) : [];
  if (design?.type === 'grid' && dimensions.every(Boolean) && gridSize(dimensions as Dimension[]) > MAX_DESIGN_POINTS) {
    issues.push({ file, path: 'vary', problem: 'grid too large', got: `${gridSize(dimensions as Dimension[])} points`, expected: `at most ${MAX_DESIGN_POINTS} points (fewer steps, or design lhs)` });
  }
  if (issues.length || !design || replications === undefined || seed === undefined || dimensions.some((d) => !d)) throw new ScenarioError(issues);
  const points = designPoints(design, dimensions as Dimension[], seed).map((tuple) => Object.fromEntries(paths.map((p, i) => [p, tuple[i]])));
  checkPoints(base, points, file, issues);
  if (issues.length) throw new ScenarioError(issues);
  const name = input.name ?? (sourceFile ? sourceFile.replace(/^.*\//, '').replace(/\.ya?ml$/, '') : 'sweep');
  const fingerprint = fingerprintOf({ base: base.values, seed, replications, metrics, points });
  return { name, file: sourceFile, base, set, seed, replications, design, paths, metrics, points, fingerprint };
}

/** Metric ids, each known; all metrics when none are named. */
export function checkMetrics(metrics: unknown, file: string, issues: ScenarioIssue[], where = 'metrics'): string[] {
  const known = allMetrics().map((m) => m.id);
  if (metrics === undefined) return known;
  if (!Array.isArray(metrics) || metrics.length === 0) {
    issues.push({ file, path: where, problem: 'expected a list of metric ids', got: metrics, expected: 'e.g. [cost.districtBudget, reach.none]' });
    return [];
  }
  metrics.forEach((m, i) => {
    if (typeof m !== 'string' || !known.includes(m)) issues.push({ file, path: `${where}[${i}]`, problem: 'unknown metric', got: m, expected: `one of ${known.join(', ')}` });
  });
  return metrics as string[];
}

/** Runs the scenario's cross-parameter rules on every design point; an issue names the point and its values. */
export function checkPoints(base: Scenario, points: ReadonlyArray<Readonly<Record<string, unknown>>>, file: string, issues: ScenarioIssue[]): void {
  const seen = new Set<string>();
  points.forEach((point, index) => {
    const key = JSON.stringify(point);
    if (seen.has(key)) return;
    seen.add(key);
    try {
      withOverrides(base, point, file);
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      for (const i of e.issues) issues.push({ ...i, file, problem: `design point ${index} (${describePoint(point)}): ${i.problem}` });
    }
  });
}

/** `path=value, path=value` for messages. */
export function describePoint(point: Readonly<Record<string, unknown>>): string {
  return Object.entries(point)
    .map(([p, v]) => `${p}=${JSON.stringify(v)}`)
    .join(', ');
}

/** JSON with object keys sorted at every level, so equal values hash equally. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]])) : v));
}

export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 32);
}
