import fc from 'fast-check';
import { stringify } from 'yaml';
import { CATALOGUE, materialize, plausibleValue, type DocEdit, type TextEdit } from './fuzzArbitraries.js';

type Doc = Record<string, unknown>;

/** Sets an own property, even `__proto__`, without touching any prototype. */
export function defineOwn(obj: object, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value: materialize(value), enumerable: true, writable: true, configurable: true });
}

/** Every key path in a document (objects only; lists are leaves). */
function keyPaths(doc: unknown, prefix: string[] = []): string[][] {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return [];
  return Object.keys(doc).flatMap((k) => [[...prefix, k], ...keyPaths((doc as Doc)[k], [...prefix, k])]);
}

function parentOf(doc: Doc, path: string[]): Doc | undefined {
  let cur: unknown = doc;
  for (const p of path.slice(0, -1)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, p) ? (cur as Doc)[p] : undefined;
  }
  return cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? (cur as Doc) : undefined;
}

/** Sets a value at a dotted catalogue path, creating groups on the way. */
function setDeep(doc: Doc, path: string[], value: unknown): void {
  let cur = doc;
  for (const p of path.slice(0, -1)) {
    const next = Object.prototype.hasOwnProperty.call(cur, p) ? cur[p] : undefined;
    if (next === null || typeof next !== 'object' || Array.isArray(next)) defineOwn(cur, p, {});
    cur = cur[p] as Doc;
  }
  defineOwn(cur, path[path.length - 1]!, value);
}

function getDeep(doc: Doc, path: string[]): unknown {
  let cur: unknown = doc;
  for (const p of path) cur = cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, p) ? (cur as Doc)[p] : undefined;
  return cur;
}

/** Applies one edit in place. */
export function applyDocEdit(doc: Doc, edit: DocEdit): void {
  if (edit.kind === 'plausible') {
    const { path, spec } = CATALOGUE[edit.param % CATALOGUE.length]!;
    const parts = path.split('.');
    const [value] = fc.sample(plausibleValue(spec, getDeep(doc, parts)), { seed: edit.seed, numRuns: 1 });
    setDeep(doc, parts, value);
    return;
  }
  const paths = keyPaths(doc);
  if (!paths.length) return;
  const path = paths[edit.pick % paths.length]!;
  const parent = parentOf(doc, path);
  if (!parent) return;
  const key = path[path.length - 1]!;
  switch (edit.kind) {
    case 'set':
      defineOwn(parent, key, edit.value);
      break;
    case 'delete':
      delete parent[key];
      break;
    case 'add': {
      const target = parent[key];
      if (target !== null && typeof target === 'object' && !Array.isArray(target)) defineOwn(target, edit.key, edit.value);
      else defineOwn(parent, edit.key, edit.value);
      break;
    }
    case 'unit':
      defineOwn(parent, key, { value: parent[key], unit: edit.unit });
      break;
    case 'wrap': {
      const wrapped = { value: parent[key] };
      for (const [k, v] of Object.entries(edit.extra)) defineOwn(wrapped, k, v);
      defineOwn(parent, key, wrapped);
      break;
    }
  }
}

/** The document as YAML text (NaN, infinities and −0 come out as .nan, .inf and -0). */
export function toYaml(doc: unknown): string {
  return stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0 });
}

/** Applies a text edit to the file's bytes. */
export function applyTextEdit(bytes: Buffer, edit: TextEdit): Buffer {
  const at = Math.floor(edit.at * bytes.length);
  switch (edit.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.text, 'utf8'), bytes.subarray(at)]);
    case 'bytes':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(edit.bytes), bytes.subarray(at)]);
  }
}
