import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flattenCatalogue } from '../../src/scenario/catalogue.js';
import { formatIssue, ScenarioError, type ScenarioIssue } from '../../src/scenario/issues.js';

export const BASELINE = 'scenarios/baseline-2016.yaml';

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `wuhou-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The issues a call throws as ScenarioError ([] if it succeeds); any other exception propagates. */
export function issuesOf(fn: () => unknown): ScenarioIssue[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  return [];
}

/** The formatted messages a call throws as ScenarioError. */
export function messagesOf(fn: () => unknown): string[] {
  return issuesOf(fn).map(formatIssue);
}

/** Problems a file has as a whole (no parameter path to name): these carry the file, and a line where there is one. */
const FILE_LEVEL = /^(file not found|not a regular file|file too large|cannot read|the file is UTF-16|not valid UTF-8|a scenario file must be a mapping|YAML (syntax|too large|could not be read)|tags are not allowed|keys must be plain words|an alias may not)/;

/**
 * What every reported problem must have: a file, a plain-words problem, and a parameter path,
 * or for a problem of the whole file a line (or a file-level reason). Returns what is missing.
 */
export function issueDefects(i: ScenarioIssue): string[] {
  const out: string[] = [];
  if (typeof i.file !== 'string' || i.file === '') out.push('no file');
  if (typeof i.problem !== 'string' || i.problem.trim() === '') out.push('no problem text');
  if (i.path === '' && !FILE_LEVEL.test(i.problem)) out.push(`no path for "${i.problem}"`);
  const text = formatIssue(i);
  if (/\bundefined\b/.test(text.replace(/got nothing/, ''))) out.push(`"undefined" in message: ${text}`);
  return out;
}

/** Every finite-number check a validated scenario's values must pass: no NaN, no infinities, no −0. */
export function nonFiniteValues(values: unknown, prefix = ''): string[] {
  if (typeof values === 'number') return Number.isFinite(values) && !Object.is(values, -0) ? [] : [`${prefix} = ${values}`];
  if (Array.isArray(values)) return values.flatMap((v, i) => nonFiniteValues(v, `${prefix}[${i}]`));
  if (values !== null && typeof values === 'object') return Object.entries(values).flatMap(([k, v]) => nonFiniteValues(v, prefix ? `${prefix}.${k}` : k));
  return [];
}

/** Values that fail their own parameter's schema (a validated scenario must have none). */
export function schemaViolations(values: unknown): string[] {
  const out: string[] = [];
  for (const { path, spec } of flattenCatalogue()) {
    let v: unknown = values;
    for (const p of path.split('.')) v = (v as Record<string, unknown>)[p];
    if (!spec.schema.safeParse(v).success) out.push(`${path} = ${JSON.stringify(v)}`);
  }
  return out;
}

/** Keys anything has added to Object.prototype (a polluted prototype shows here). */
export function prototypePollution(): string[] {
  const probe: Record<string, unknown> = {};
  const leaked = ['polluted', 'x', 'p', 'isAdmin', 'value'].filter((k) => probe[k] !== undefined);
  return [...Object.getOwnPropertyNames(Object.prototype).filter((k) => !BUILTIN_PROTO_KEYS.has(k)), ...leaked];
}

const BUILTIN_PROTO_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
