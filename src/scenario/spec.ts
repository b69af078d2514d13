import { z } from 'zod';
import type { Provenance } from './provenance.js';

/**
 * Parameter specifications: the catalogue's leaves. A spec carries the metadata (unit,
 * bilingual label, provenance) and the constraints a value must meet; scenario files carry
 * only values. The zod schema of a whole scenario is built from these specs.
 */
interface Meta {
  readonly unit: string;
  readonly zh: string;
  readonly en: string;
  readonly source: Provenance;
}

interface Base<V> extends Meta {
  readonly isParameter: true;
  /** Phantom: the TypeScript type of the value. */
  readonly __value?: V;
  /** zod schema for one value. */
  readonly schema: z.ZodType<V>;
  /** Plain words for error messages: what a valid value looks like. */
  readonly expected: string;
}

export interface NumberSpec extends Base<number> {
  readonly type: 'number';
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
}
export interface EnumSpec<T extends string = string> extends Base<T> {
  readonly type: 'enum';
  readonly values: readonly T[];
}
export interface BooleanSpec extends Base<boolean> {
  readonly type: 'boolean';
}
export interface NumberListSpec extends Base<number[]> {
  readonly type: 'numberList';
  /** Bounds of each item (as for NumberSpec). */
  readonly min?: number;
  readonly max?: number;
  readonly minExclusive?: boolean;
  readonly integer?: boolean;
  readonly length?: number;
}
export interface StringListSpec extends Base<string[]> {
  readonly type: 'stringList';
}
export interface MonthSpec extends Base<string> {
  readonly type: 'month';
}

export type ParamSpec = NumberSpec | EnumSpec | BooleanSpec | NumberListSpec | StringListSpec | MonthSpec;

/** A nested group of parameters, e.g. `{ vegetables: { priceFactor, cap } }`. */
export interface SpecTree {
  readonly [key: string]: ParamSpec | SpecTree;
}

/** The TypeScript type of the values of a spec tree. */
export type ValuesOf<S> = S extends Base<infer V> ? V : { [K in keyof S]: ValuesOf<S[K]> };

export function isParamSpec(x: ParamSpec | SpecTree): x is ParamSpec {
  return (x as ParamSpec).isParameter === true;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface NumberOptions extends Meta {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  integer?: boolean;
}

function describeRange(o: { min?: number; max?: number; minExclusive?: boolean; integer?: boolean }): string {
  const kind = o.integer ? 'a whole number' : 'a number';
  const lo = o.min === undefined ? '' : o.minExclusive ? `> ${o.min}` : `≥ ${o.min}`;
  const hi = o.max === undefined ? '' : `≤ ${o.max}`;
  return [kind, [lo, hi].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
}

/**
 * The smallest normal double. Nonzero numbers below it (subnormals, 5e-324 … 2.2e-308) are
 * never a meant value, and they break numerical code: a dispersion of 1e-310 made a sampler
 * loop forever, a dibao standard of 1e-320 overflowed spending to Infinity.
 */
export const SMALLEST_NUMBER = 2.2250738585072014e-308;
export const SUBNORMAL_MESSAGE = 'too close to zero to compute with (nonzero numbers must be at least 2.2e-308)';

function numberSchema(o: { min?: number; max?: number; minExclusive?: boolean; integer?: boolean }): z.ZodNumber {
  let s = o.integer ? z.number().int() : z.number();
  if (o.min !== undefined) s = o.minExclusive ? s.gt(o.min) : s.gte(o.min);
  if (o.max !== undefined) s = s.lte(o.max);
  return s.refine((x) => x === 0 || Math.abs(x) >= SMALLEST_NUMBER, { message: SUBNORMAL_MESSAGE });
}

/** Any real number within optional bounds. */
export function num(o: NumberOptions): NumberSpec {
  return { ...o, isParameter: true, type: 'number', schema: numberSchema(o), expected: describeRange(o) };
}

/**
 * The largest amount a money parameter may take unless it sets its own maximum: a trillion
 * yuan is 10^14 fen, far inside the 2^53 fen that stay exact, so sums over households and
 * months cannot round. Larger values are typos or attacks, and are refused at loading.
 */
export const MONEY_MAX_YUAN = 1e12;

/** An amount of money in yuan (never negative, at most MONEY_MAX_YUAN unless `max` says otherwise). */
export function money(o: Omit<NumberOptions, 'unit' | 'min'> & { unit?: string }): NumberSpec {
  const spec = num({ ...o, unit: o.unit ?? 'yuan', min: 0 });
  if (o.max !== undefined) return spec;
  // The ceiling is enforced but kept out of `expected`, which stays "a number ≥ 0" for readers.
  return { ...spec, max: MONEY_MAX_YUAN, schema: numberSchema({ ...o, min: 0, max: MONEY_MAX_YUAN }) };
}

/** A share or probability in [0, 1]. */
export function rate(o: Omit<NumberOptions, 'unit' | 'min' | 'max'> & { unit?: string }): NumberSpec {
  return num({ ...o, unit: o.unit ?? 'share', min: 0, max: 1 });
}

/** A whole number ≥ 0 (households, stores, days). */
export function count(o: Omit<NumberOptions, 'integer'> & { min?: number }): NumberSpec {
  return num({ ...o, integer: true, min: o.min ?? 0 });
}

/** One of a fixed set of words. */
export function oneOf<T extends string>(values: readonly T[], meta: Meta): EnumSpec<T> {
  const schema = z.enum(values as unknown as [T, ...T[]]) as unknown as z.ZodType<T>;
  return { ...meta, isParameter: true, type: 'enum', values, schema, expected: `one of ${values.join(', ')}` };
}

export function flag(meta: Meta): BooleanSpec {
  return { ...meta, isParameter: true, type: 'boolean', schema: z.boolean(), expected: 'true or false' };
}

/** A list of numbers, each within bounds, optionally of a fixed length. */
export function numbers(o: NumberOptions & { length?: number; minLength?: number; maxLength?: number }): NumberListSpec {
  let schema = z.array(numberSchema(o));
  if (o.length !== undefined) schema = schema.length(o.length);
  if (o.minLength !== undefined) schema = schema.min(o.minLength);
  schema = schema.max(o.maxLength ?? 10_000);
  const len = o.length !== undefined ? `${o.length} ` : '';
  return { ...o, isParameter: true, type: 'numberList', schema, expected: `a list of ${len}numbers, each ${describeRange(o).replace(/^an? (whole )?number ?/, '') || 'finite'}`.trim() };
}

/** A list of words or codes, optionally from a fixed set or matching a pattern. */
export function strings(meta: Meta & { values?: readonly string[]; pattern?: RegExp; patternText?: string; length?: number; maxLength?: number }): StringListSpec {
  let item = z.string();
  if (meta.pattern) item = item.regex(meta.pattern);
  let schema: z.ZodType<string[]> = z.array(meta.values ? (z.enum(meta.values as unknown as [string, ...string[]]) as unknown as z.ZodString) : item).max(meta.maxLength ?? 10_000);
  if (meta.length !== undefined) schema = (schema as z.ZodArray<z.ZodString>).length(meta.length);
  const what = meta.values ? `each one of ${meta.values.join(', ')}` : meta.patternText ? `each ${meta.patternText}` : 'of text';
  const { values: _v, pattern: _p, patternText: _t, length: _l, maxLength: _m, ...rest } = meta;
  return { ...rest, isParameter: true, type: 'stringList', schema, expected: `a list of ${meta.length ?? ''} ${what}`.replace(/  +/g, ' ') };
}

/** A calendar month written YYYY-MM. */
export function month(meta: Meta): MonthSpec {
  return { ...meta, isParameter: true, type: 'month', schema: z.string().regex(MONTH), expected: 'a month written YYYY-MM' };
}

export const MONTH_PATTERN = MONTH;
