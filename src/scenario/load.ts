import { realpathSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';
import { catalogueTree, flattenCatalogue, parameterAt, type ScenarioValues } from './catalogue.js';
import { scenarioChecks } from './allChecks.js';
import { formatValue, ScenarioError, type ScenarioIssue } from './issues.js';
import { PathError, setPath, splitPath } from './paths.js';
import { readTextFile } from './readText.js';
import { parseYamlSafely } from './safeYaml.js';
import { isParamSpec, type ParamSpec, type SpecTree } from './spec.js';

/** A complete, validated scenario: typed values plus where each value came from. */
export interface Scenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  /** The file it was loaded from ('' for one built in code). */
  readonly file: string;
  readonly values: ScenarioValues;
  /** Notes a scenario file attached to values it changed, by path. */
  readonly notes: Readonly<Record<string, string>>;
  /** Which file (or `--set`) gave each parameter its value, by path. */
  readonly origins: Readonly<Record<string, string>>;
}

/** Keys a scenario file may have besides parameters. */
const ENVELOPE = new Set(['name', 'title', 'description', 'extends']);
export const MAX_EXTENDS_DEPTH = 32;
/** A scenario is a few kilobytes; the YAML parser needs seconds per megabyte, so larger files are refused. */
export const MAX_FILE_BYTES = 256 * 1024;

interface Assigned {
  value: unknown;
  origin: string;
  note?: string;
}

interface RawScenario {
  name?: string;
  title?: string;
  description?: string;
  assigned: Map<string, Assigned>;
}

/** Shortens a path for messages: relative to the working directory when that is shorter. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && rel.length < file.length ? rel : file;
}

export { parseYamlSafely };

/** The file's canonical path (symlinks resolved), so a cycle through a link is still a cycle. */
function canonical(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/**
 * Reads one scenario file and, first, the file it extends. `chain` holds the canonical paths
 * of the files that extend this one, to detect cycles.
 */
function readScenarioFile(file: string, chain: readonly string[], shownChain: readonly string[], issues: ScenarioIssue[]): RawScenario {
  const shown = displayPath(file);
  const empty: RawScenario = { assigned: new Map() };
  const parent = shownChain[shownChain.length - 1];
  const real = canonical(file);
  if (chain.includes(real)) {
    issues.push({ file: parent!, path: 'extends', problem: 'extends cycle', got: [...shownChain, shown].join(' → '), expected: 'a chain of files without repeats' });
    return empty;
  }
  if (chain.length >= MAX_EXTENDS_DEPTH) {
    issues.push({ file: parent ?? shown, path: 'extends', problem: `extends chain longer than ${MAX_EXTENDS_DEPTH} files`, got: shown, expected: `at most ${MAX_EXTENDS_DEPTH} files from the one loaded to the last it extends` });
    return empty;
  }
  const read = readTextFile(file, MAX_FILE_BYTES);
  if (read.ok === false) { // not `!read.ok`: tslab compiles without strictNullChecks, where only this narrows
    if (parent !== undefined) issues.push({ file: parent, path: 'extends', problem: read.problem, got: shown, expected: read.expected ?? 'an existing scenario file' });
    else issues.push({ file: read.line ? `${shown}:${read.line}:${read.col}` : shown, path: '', problem: read.problem, ...(read.got !== undefined ? { got: read.got } : {}), ...(read.expected ? { expected: read.expected } : {}) });
    return empty;
  }
  const doc = parseYamlSafely(read.text, shown, issues);
  if (doc === undefined) return empty;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    issues.push({ file: shown, path: '', problem: 'a scenario file must be a mapping of keys to values', got: doc, expected: 'key: value lines' });
    return empty;
  }
  const top = doc as Record<string, unknown>;
  let base: RawScenario = empty;
  if ('extends' in top) {
    const ext = top.extends;
    if (typeof ext !== 'string' || ext.trim() === '') {
      issues.push({ file: shown, path: 'extends', problem: 'extends must name one scenario file', got: ext, expected: 'a file path relative to this file' });
    } else {
      base = readScenarioFile(resolve(dirname(file), ext), [...chain, real], [...shownChain, shown], issues);
    }
  }
  const assigned = new Map(base.assigned);
  for (const [key, value] of Object.entries(top)) {
    if (ENVELOPE.has(key)) {
      if (key !== 'extends' && typeof value !== 'string') issues.push({ file: shown, path: key, problem: 'must be text', got: value, expected: 'a string' });
      continue;
    }
    collect(value, key, shown, assigned, issues);
  }
  return {
    name: typeof top.name === 'string' ? top.name : base.name,
    title: typeof top.title === 'string' ? top.title : base.title,
    description: typeof top.description === 'string' ? top.description : base.description,
    assigned,
  };
}

/** Walks a file's value at `path` along the catalogue, recording leaf values. */
function collect(value: unknown, path: string, file: string, out: Map<string, Assigned>, issues: ScenarioIssue[]): void {
  let node: ParamSpec | SpecTree | undefined;
  try {
    node = nodeAt(path);
  } catch (e) {
    if (e instanceof PathError) {
      // An empty key (`: 3`, `"": 1`) still needs a visible path in the message.
      issues.push({ file, path: path === '' ? '""' : path, problem: e.reason, expected: 'a parameter path such as supermarket.vegetables.cap' });
      return;
    }
    throw e;
  }
  if (!node) {
    issues.push({ file, path, problem: 'unknown key', expected: suggest(path) });
    return;
  }
  if (isParamSpec(node)) {
    const leaf = unwrapValue(value, node, path, file, issues);
    if (leaf) out.set(path, { ...leaf, origin: file });
    return;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    issues.push({ file, path, problem: 'expected a group of parameters', got: value, expected: `keys ${Object.keys(node).join(', ')}` });
    return;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) collect(v, `${path}.${k}`, file, out, issues);
}

/** A leaf may be a plain value, or `{ value, note?, unit? }` to attach a note or state the unit. */
function unwrapValue(value: unknown, spec: ParamSpec, path: string, file: string, issues: ScenarioIssue[]): { value: unknown; note?: string } | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { value };
  const o = value as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => k !== 'value' && k !== 'note' && k !== 'unit');
  if (unknownKeys.length || !('value' in o)) {
    issues.push({ file, path, problem: 'a parameter takes a value, or { value, note, unit }', got: value, expected: spec.expected });
    return undefined;
  }
  if ('unit' in o && o.unit !== spec.unit) {
    issues.push({ file, path: `${path}.unit`, problem: 'wrong unit', got: o.unit, expected: spec.unit });
    return undefined;
  }
  if ('note' in o && typeof o.note !== 'string') {
    issues.push({ file, path: `${path}.note`, problem: 'a note must be text', got: o.note, expected: 'a string' });
    return undefined;
  }
  return typeof o.note === 'string' ? { value: o.value, note: o.note } : { value: o.value };
}

function nodeAt(path: string): ParamSpec | SpecTree | undefined {
  let node: ParamSpec | SpecTree = catalogueTree;
  for (const part of splitPath(path)) {
    if (isParamSpec(node) || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as SpecTree)[part]!;
  }
  return node;
}

/** "one of …" for an unknown key: the known keys of its parent group. */
function suggest(path: string): string {
  const parts = path.split('.');
  for (let i = parts.length - 1; i >= 0; i--) {
    const parent = parts.slice(0, i).join('.');
    const node = parent ? nodeAt(parent) : catalogueTree;
    if (node && !isParamSpec(node)) {
      const keys = Object.keys(node);
      return `one of ${(i === 0 ? [...ENVELOPE, ...keys] : keys).join(', ')}${parent ? ` under ${parent}` : ''}`;
    }
  }
  return 'a known parameter path';
}

/** Parses `path=value` overrides; values are read as YAML scalars or flow lists. */
export function parseOverrides(sets: readonly string[], issues: ScenarioIssue[]): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) {
      issues.push({ file: '--set', path: s, problem: 'an override is path=value', got: s, expected: 'e.g. supermarket.vegetables.cap=150' });
      continue;
    }
    const path = s.slice(0, eq).trim();
    const text = s.slice(eq + 1);
    const before = issues.length;
    const value = parseYamlSafely(text, '--set', issues, path);
    if (issues.length === before) out.set(path, value);
  }
  return out;
}

export interface LoadOptions {
  /** Command-line style overrides, `path=value`. */
  set?: readonly string[];
  /** Overrides as values, applied after `set` (used by sweeps and the API). */
  overrides?: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;
}

/** Loads, merges (`extends`), overrides and validates a scenario file. Throws ScenarioError with every problem. */
export function loadScenario(file: string, options: LoadOptions = {}): Scenario {
  const issues: ScenarioIssue[] = [];
  const abs = resolve(file);
  const raw = readScenarioFile(abs, [], [], issues);
  // A file that could not be read or extended leaves nothing to check leaf by leaf:
  // reporting every parameter as missing would bury the real problem.
  if (issues.some((i) => i.path === '' || i.path === 'extends')) throw new ScenarioError(issues);
  applyOverrides(raw.assigned, options, issues);
  const values = validateAssigned(raw.assigned, displayPath(abs), issues);
  if (issues.length || !values) throw new ScenarioError(issues);
  return finish(raw, abs, values);
}

/** Applies overrides to an already loaded scenario and validates the result (used by sweeps, compare, fits). */
export function withOverrides(scenario: Scenario, overrides: ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>, origin = 'override'): Scenario {
  const issues: ScenarioIssue[] = [];
  const assigned = new Map<string, Assigned>();
  for (const { path } of flattenCatalogue()) assigned.set(path, { value: structuredClone(getFlat(scenario.values, path)), origin: scenario.origins[path] ?? scenario.file, ...(scenario.notes[path] ? { note: scenario.notes[path] } : {}) });
  const entries = overrides instanceof Map ? [...overrides] : Object.entries(overrides);
  for (const [path, value] of entries) collect(value, path, origin, assigned, issues);
  const values = validateAssigned(assigned, scenario.file || origin, issues);
  if (issues.length || !values) throw new ScenarioError(issues);
  return finish({ name: scenario.name, title: scenario.title, description: scenario.description, assigned }, scenario.file, values);
}

function applyOverrides(assigned: Map<string, Assigned>, options: LoadOptions, issues: ScenarioIssue[]): void {
  if (options.set?.length) for (const [path, value] of parseOverrides(options.set, issues)) collect(value, path, '--set', assigned, issues);
  if (options.overrides) {
    const entries = options.overrides instanceof Map ? [...options.overrides] : Object.entries(options.overrides);
    for (const [path, value] of entries) collect(value, path, 'override', assigned, issues);
  }
}

function getFlat(values: ScenarioValues, path: string): unknown {
  let cur: unknown = values;
  for (const p of path.split('.')) cur = (cur as Record<string, unknown>)[p];
  return cur;
}

/** Checks every catalogue leaf is present and valid, then the cross-parameter rules. */
function validateAssigned(assigned: Map<string, Assigned>, mainFile: string, issues: ScenarioIssue[]): ScenarioValues | undefined {
  const values: Record<string, unknown> = {};
  let leafProblems = 0;
  for (const { path, spec } of flattenCatalogue()) {
    const a = assigned.get(path);
    if (!a) {
      issues.push({ file: mainFile, path, problem: 'missing parameter', expected: spec.expected });
      leafProblems++;
      continue;
    }
    const parsed = spec.schema.safeParse(a.value);
    if (!parsed.success) {
      issues.push({ file: a.origin, path, problem: describeZodProblem(parsed.error.issues[0], spec), got: a.value, expected: spec.expected });
      leafProblems++;
      continue;
    }
    setPath(values, path, withoutNegativeZero(parsed.data));
  }
  if (leafProblems || issues.length) return undefined;
  const typed = values as unknown as ScenarioValues;
  for (const check of scenarioChecks) {
    for (const c of check(typed)) issues.push({ file: assigned.get(c.path)?.origin ?? mainFile, path: c.path, problem: c.problem, got: c.got, expected: c.expected });
  }
  return issues.length ? undefined : typed;
}

/** −0 is a valid number but prints as "-0" and divides to −Infinity: store it as 0. */
function withoutNegativeZero<T>(value: T): T {
  if (Object.is(value, -0)) return 0 as T;
  if (Array.isArray(value)) return value.map((v) => (Object.is(v, -0) ? 0 : v)) as T;
  return value;
}

interface ZodIssueLike {
  code: string;
  message: string;
  path: PropertyKey[];
  maximum?: unknown;
  origin?: unknown;
}

function describeZodProblem(issue: ZodIssueLike | undefined, spec: ParamSpec): string {
  if (!issue) return 'invalid value';
  const where = issue.path.length ? ` at item ${issue.path.map(String).join('.')}` : '';
  switch (issue.code) {
    case 'invalid_type':
      return `wrong type${where}`;
    case 'too_small':
      return issue.origin === 'array' ? `list too short${where}` : `out of range${where}`;
    case 'too_big':
      // A bound the expectation does not state (e.g. the ceiling on money amounts) is named here.
      if (issue.origin === 'array') return `list too long${where}`;
      return spec.expected.includes('≤') || typeof issue.maximum !== 'number' ? `out of range${where}` : `out of range${where}: above ${issue.maximum}`;
    case 'invalid_value':
      return `not an allowed value${where}`;
    case 'custom':
      return `${issue.message}${where}`;
    default:
      return `invalid value${where}`;
  }
}

function finish(raw: RawScenario, file: string, values: ScenarioValues): Scenario {
  const notes: Record<string, string> = {};
  const origins: Record<string, string> = {};
  for (const [path, a] of raw.assigned) {
    if (!parameterAt(path)) continue;
    origins[path] = a.origin;
    if (a.note) notes[path] = a.note;
  }
  const name = raw.name ?? (file ? file.replace(/^.*\//, '').replace(/\.ya?ml$/, '') : 'scenario');
  return { name, title: raw.title ?? name, description: raw.description ?? '', file, values, notes, origins };
}

/** Validates files without running anything: every problem of every file. */
export function validateScenarioFiles(files: readonly string[]): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  for (const f of files) {
    try {
      loadScenario(f);
    } catch (e) {
      if (e instanceof ScenarioError) issues.push(...e.issues);
      else throw e;
    }
  }
  return issues;
}

export { formatValue };
