import { isAlias, isCollection, isScalar, parseDocument, visit, type Node } from 'yaml';
import type { ScenarioIssue } from './issues.js';

/**
 * Reading YAML someone else wrote, safely. The yaml library alone would accept custom tags
 * (with a warning, turning the value into text), build values with circular references
 * from self-referring aliases, silently overwrite a key given twice through an alias,
 * and spend seconds, or abort the process, on a file nested ten thousand levels deep.
 * So: the text's shape is bounded before parsing, every tag is refused, keys must be plain
 * words, aliases may not refer to their own ancestors, and alias expansion is bounded.
 */

/** Nesting of `[` / `{` beyond this is no scenario, only an attack on the parser's stack. */
export const MAX_FLOW_NESTING = 64;
/** Indentation beyond this many columns likewise (block nesting costs the parser stack too). */
export const MAX_INDENT = 256;
/** Lines plus list items beyond this cost the parser seconds: no scenario has a tenth as many. */
export const MAX_VALUES = 30_000;
/** Aliases a document may expand (counted by the yaml library in nodes): no "billion laughs". */
export const MAX_ALIAS_COUNT = 100;

interface Located {
  line: number;
  col: number;
  problem: string;
}

/** Characters after which a quote opens a quoted scalar (elsewhere it is part of plain text). */
const OPENS_SCALAR = new Set([':', '-', '[', '{', ',', '?', '']);

/**
 * A lexical pass that bounds flow nesting, indentation and the number of values before the
 * parser sees the text.
 * Quoted scalars and comments are skipped so brackets inside them do not count.
 */
export function checkShape(text: string): Located | undefined {
  let depth = 0;
  let values = 0;
  let line = 1;
  let lineStart = 0;
  let prev = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (i === lineStart) {
      let j = i;
      while (text[j] === ' ') j++;
      if (j - i > MAX_INDENT) return { line, col: MAX_INDENT + 1, problem: `indented more than ${MAX_INDENT} columns` };
    }
    if (ch === '\n' || (ch === ',' && depth > 0)) {
      if (++values > MAX_VALUES) return { line, col: i - lineStart + 1, problem: `more than ${MAX_VALUES} lines and list items` };
    }
    if (ch === '\n') {
      line++;
      lineStart = i + 1;
      prev = '';
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') continue;
    if (ch === '#' && (i === lineStart || /\s/.test(text[i - 1]!))) {
      const end = text.indexOf('\n', i);
      i = (end < 0 ? text.length : end) - 1;
      continue;
    }
    if ((ch === '"' || ch === "'") && OPENS_SCALAR.has(prev)) {
      // Skip the quoted scalar, counting its lines.
      let j = i + 1;
      for (; j < text.length && text[j] !== ch; j++) {
        if (ch === '"' && text[j] === '\\') j++;
        else if (text[j] === '\n') {
          line++;
          lineStart = j + 1;
        }
      }
      i = j;
      prev = 'x';
      continue;
    }
    if (ch === '[' || ch === '{') {
      depth++;
      if (depth > MAX_FLOW_NESTING) return { line, col: i - lineStart + 1, problem: `nested more than ${MAX_FLOW_NESTING} levels deep` };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
    prev = ch;
  }
  return undefined;
}

/**
 * Parses one YAML document safely, recording every problem as an issue (`file:line:col`,
 * at `where`); returns undefined when the text cannot be used.
 */
export function parseYamlSafely(text: string, file: string, issues: ScenarioIssue[], where = ''): unknown {
  const at = (line: number, col: number) => `${file}:${line}:${col}`;
  const shape = checkShape(text);
  if (shape) {
    issues.push({ file: at(shape.line, shape.col), path: where, problem: `YAML too large: ${shape.problem}` });
    return undefined;
  }
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { uniqueKeys: true, customTags: [], prettyErrors: true, schema: 'core' });
  } catch (e) {
    issues.push({ file, path: where, problem: `YAML could not be read: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
  const before = issues.length;
  for (const e of [...doc.errors, ...doc.warnings]) {
    const pos = e.linePos?.[0];
    const located = pos ? at(pos.line, pos.col) : file;
    if (e.code === 'TAG_RESOLVE_FAILED') {
      const tag = /Unresolved tag: (\S+)/.exec(e.message)?.[1];
      issues.push({ file: located, path: where, problem: 'tags are not allowed', ...(tag ? { got: tag } : {}), expected: 'plain values (no !tag)' });
    } else issues.push({ file: located, path: where, problem: `YAML syntax: ${e.message.split('\n')[0]}` });
  }
  if (issues.length > before) return undefined;
  const lineOf = (node: Node) => {
    const offset = node.range?.[0] ?? 0;
    const pos = doc.contents && offset >= 0 ? lineCol(text, offset) : { line: 1, col: 1 };
    return at(pos.line, pos.col);
  };
  visit(doc, {
    Node(_key, node, path) {
      if (node.tag !== undefined) issues.push({ file: lineOf(node), path: where, problem: 'tags are not allowed', got: node.tag, expected: 'plain values (no !tag)' });
      if (isAlias(node)) {
        const target = node.resolve(doc);
        if (target && (path as readonly unknown[]).includes(target)) issues.push({ file: lineOf(node), path: where, problem: 'an alias may not refer to a value that contains it', got: `*${node.source}` });
      }
    },
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (key !== null && !isScalar(key)) issues.push({ file: lineOf(key), path: where, problem: isCollection(key) ? 'keys must be plain words, not lists or mappings' : 'keys must be plain words, not aliases' });
    },
  });
  if (issues.length > before) return undefined;
  try {
    return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    issues.push({ file, path: where, problem: `YAML could not be read: ${(e as Error).message.split('\n')[0]}` });
    return undefined;
  }
}

/** 1-based line and column of a character offset. */
function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, col: offset - start + 1 };
}
