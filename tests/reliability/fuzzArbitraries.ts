import fc from 'fast-check';
import { flattenCatalogue } from '../../src/scenario/catalogue.js';
import type { ParamSpec } from '../../src/scenario/spec.js';

/**
 * fast-check generators for scenario fuzzing: hostile values, hostile keys, and edits to a
 * parsed scenario document or to its text. Kept apart from the properties so several test
 * files can share them.
 */

/** Numbers that break naive code: NaN, infinities, −0, the extremes of doubles, off-by-one bounds. */
export const extremeNumber = fc.constantFrom(NaN, Infinity, -Infinity, 1e308, -1e308, -0, 0, 5e-324, 2 ** 53 + 2, -1, 1e12 + 1, 0.30000000000000004, 255, 256, 100_001, 1e15);

export const anyNumber = fc.oneof(extremeNumber, fc.double(), fc.integer({ min: -1000, max: 100_000 }));

export const hostileText = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('2013-02', '2013-13', '2013-00', '2013-2', '', ' ', 'yuan', 'fen', 'dibao', '__proto__', 'constructor', '<script>alert(1)</script>', '低保', '１００', '1,500', 'NaN', 'Infinity', '0x10', 'true', 'null', '~', 'a\u0000b', '\u202e'),
);

export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'value', 'unit', 'note', 'extends', 'name', '', 'a.b', '.', '0', 'toString', 'hasOwnProperty', 'valueOf', 'vegetables', 'cap', 'capp', 'supermarket', '低保'),
  fc.string({ maxLength: 8 }),
);

const leaf = fc.oneof(anyNumber, hostileText, fc.boolean(), fc.constant(null));

/**
 * A list long enough to hit a length limit. Kept as a recipe until the file is written, so
 * a failing case prints as `Huge(20000 × 1)` rather than twenty thousand ones.
 */
export class Huge {
  constructor(
    readonly length: number,
    readonly item: unknown,
  ) {}

  materialize(): unknown[] {
    return new Array(this.length).fill(this.item);
  }

  [fc.toStringMethod](): string {
    return `Huge(${this.length} × ${JSON.stringify(this.item)})`;
  }
}

/** Replaces Huge recipes by their lists. */
export function materialize(v: unknown): unknown {
  return v instanceof Huge ? v.materialize() : v;
}

const HUGE_LISTS = [new Huge(20_000, 1), new Huge(10_001, '2013-02'), new Huge(3000, [1, 2])];

/** Any value a YAML file could hold, biased to the hostile. */
export const wildValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: leaf },
  { weight: 2, arbitrary: fc.array(leaf, { maxLength: 6 }) },
  { weight: 2, arbitrary: fc.dictionary(hostileKey, leaf, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_LISTS) },
  { weight: 1, arbitrary: fc.constantFrom(0x7fffffff, [NaN], [Infinity, 1], ['2013-02', 5]) },
);

/** A value its parameter accepts, or close to its bounds (so many mutated files still validate). */
export function plausibleValue(spec: ParamSpec, current: unknown): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'number': {
      const lo = spec.min ?? 0;
      const hi = spec.max ?? Math.max(lo + 10, typeof current === 'number' ? current * 3 : 10);
      const inside = spec.integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.min(hi, 2 ** 31)) }) : fc.double({ min: lo, max: Math.min(hi, 1e9), noNaN: true });
      return fc.oneof(inside, fc.constantFrom(lo, hi, lo - 1, hi + 1, current));
    }
    case 'enum':
      return fc.oneof(fc.constantFrom(...spec.values), fc.constant('notAValue'));
    case 'boolean':
      return fc.oneof(fc.boolean(), fc.constantFrom('yes', 1));
    case 'month':
      return fc.oneof(fc.constantFrom('2013-02', '2015-06', '2016-12', current), fc.constantFrom('2016-13', '16-01'));
    case 'numberList':
    case 'stringList':
      return fc.oneof(fc.constant(current), fc.constant(Array.isArray(current) ? current.slice(1) : []), fc.constant(Array.isArray(current) ? [...current, current[0]] : []));
  }
}

export const CATALOGUE = flattenCatalogue();

/** One edit to a parsed scenario document. `pick` chooses among the document's paths. */
export type DocEdit =
  | { kind: 'set'; pick: number; value: unknown }
  | { kind: 'plausible'; param: number; seed: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'add'; pick: number; key: string; value: unknown }
  | { kind: 'unit'; pick: number; unit: string }
  | { kind: 'wrap'; pick: number; extra: Record<string, unknown> };

export const docEdit: fc.Arbitrary<DocEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), pick: fc.nat(), value: wildValue }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('plausible' as const), param: fc.nat(), seed: fc.integer() }) },
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('add' as const), pick: fc.nat(), key: hostileKey, value: wildValue }),
  fc.record({ kind: fc.constant('unit' as const), pick: fc.nat(), unit: fc.constantFrom('yuan', 'fen', 'yuan/month', 'share', '%', '', 'YUAN', 'households') }),
  fc.record({ kind: fc.constant('wrap' as const), pick: fc.nat(), extra: fc.dictionary(hostileKey, leaf, { maxKeys: 2 }) }),
);

/** One edit to a file's text after it is written as YAML. */
export type TextEdit = { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; text: string } | { kind: 'bytes'; at: number; bytes: readonly number[] };

export const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.oneof(
      fc.constantFrom('!!js/function ', '!custom ', '!!binary ', '!!set ', '&a ', '*a', '*nope', '[', '{', ']', '"', "'", '\t', ': ', '- ', '\n  ', '<<: *a\n', '%YAML 1.1\n', '---\n', '? [1, 2]\n: 3\n', 'k: &x [*x]\n', '#', '\\', '\r', '\u0000', '[['.repeat(50), '{'.repeat(100)),
      fc.string({ maxLength: 6 }),
    ),
  }),
  fc.record({ kind: fc.constant('bytes' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), bytes: fc.constantFrom([0xff], [0xc3], [0xe4, 0xbd], [0xfe, 0xff], [0xef, 0xbb, 0xbf], [0xc0, 0x80]) }),
);

/** How the scenario file's `extends` chain ends. */
export type ChainEnd = 'baseline' | 'cycle' | 'self' | 'missing' | 'folder' | 'device' | 'notYaml';

export const chainEnd: fc.Arbitrary<ChainEnd> = fc.oneof(
  { weight: 8, arbitrary: fc.constant('baseline' as const) },
  { weight: 1, arbitrary: fc.constantFrom('cycle' as const, 'self' as const, 'missing' as const, 'folder' as const, 'device' as const, 'notYaml' as const) },
);
