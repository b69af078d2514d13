import fc from 'fast-check';
import { flattenCatalogue } from '../../../src/scenario/catalogue.js';
import { MONEY_MAX_YUAN, type ParamSpec } from '../../../src/scenario/spec.js';

/**
 * Random valid scenarios for the invariant properties: the baseline with overrides chosen
 * by fast-check, each within its parameter's own bounds. Parameters that only set the
 * problem's size are held small so a replication takes milliseconds; everything else
 * ranges over its whole declared interval (or up to three times the baseline value where
 * the spec sets no upper bound).
 */

type Values = Record<string, unknown>;

function valueAt(values: unknown, path: string): unknown {
  let cur = values;
  for (const p of path.split('.')) cur = (cur as Values)[p];
  return cur;
}

/** Upper ends for parameters that set the run's size rather than its policy. */
const SIZE_LIMITS: Record<string, number> = {
  'population.dibao.households': 150,
  'population.marginal.households': 80,
  'population.specialHardship.households': 120,
  'insurance.households': 60,
  'insurance.premium.pricingPersonYears': 2000,
  'insurance.risk.extraYears': 3,
  'simulation.seed': 1_000_000,
};

/** Parameters left at the baseline: lists whose lengths other lists must match, and run bookkeeping. */
const FIXED = new Set(['simulation.replications', 'population.subdistricts', 'population.subdistrictWeights', 'supermarket.stores.openingMonths', 'supermarket.stores.subdistricts']);

const FIRST_MONTH = 2012 * 12;
const LAST_MONTH = 2018 * 12 + 11;
const monthText = (k: number) => `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;

function numberRange(spec: Extract<ParamSpec, { type: 'number' | 'numberList' }>, path: string, base: number): { lo: number; hi: number } {
  const lo = spec.min ?? 0;
  const declared = spec.max !== undefined && spec.max < MONEY_MAX_YUAN ? spec.max : undefined;
  let hi = declared ?? Math.max(3 * base, lo + 10);
  if (SIZE_LIMITS[path] !== undefined) hi = Math.min(hi, SIZE_LIMITS[path]!);
  return { lo, hi: Math.max(lo, hi) };
}

function numberArb(spec: Extract<ParamSpec, { type: 'number' | 'numberList' }>, path: string, base: number): fc.Arbitrary<number> {
  const { lo, hi } = numberRange(spec, path, base);
  const integer = 'integer' in spec && spec.integer;
  const inside = integer ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true });
  // Bounds are where code breaks: give them weight. An exclusive minimum is not itself valid.
  const edges = [spec.minExclusive ? undefined : lo, hi].filter((x): x is number => x !== undefined && (!integer || Number.isInteger(x)));
  return edges.length ? fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: fc.constantFrom(...edges) }) : inside;
}

/** A value within the parameter's bounds (the baseline value `base` guides unbounded ranges). */
function valueArb(path: string, spec: ParamSpec, base: unknown): fc.Arbitrary<unknown> {
  switch (spec.type) {
    case 'number':
      return numberArb(spec, path, base as number);
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'boolean':
      return fc.boolean();
    case 'month':
      return fc.integer({ min: FIRST_MONTH, max: LAST_MONTH }).map(monthText);
    case 'numberList': {
      const list = base as number[];
      const top = Math.max(...list, 0);
      return fc.tuple(...list.map(() => numberArb(spec, path, top)));
    }
    case 'stringList': {
      const list = base as string[];
      return list.length ? fc.subarray(list, { minLength: 0 }) : fc.constant(list);
    }
  }
}

/** Overrides for a random subset of the catalogue, plus small population sizes. */
export function overridesArb(baseValues: unknown, maxChanged = 10): fc.Arbitrary<Record<string, unknown>> {
  const entries = flattenCatalogue().filter((e) => !FIXED.has(e.path));
  const sized = entries.filter((e) => e.path.startsWith('population.') && e.path.endsWith('.households'));
  const sizeArb = fc.record(Object.fromEntries(sized.map((e) => [e.path, valueArb(e.path, e.spec, valueAt(baseValues, e.path))])));
  const changes = fc.uniqueArray(fc.integer({ min: 0, max: entries.length - 1 }), { maxLength: maxChanged }).chain((picks) =>
    fc.tuple(...picks.map((i) => valueArb(entries[i]!.path, entries[i]!.spec, valueAt(baseValues, entries[i]!.path)).map((v) => [entries[i]!.path, v] as const))),
  );
  const insured = fc.integer({ min: 0, max: SIZE_LIMITS['insurance.households']! });
  return fc.tuple(sizeArb, changes, insured).map(([sizes, picked, insuredHouseholds]) => ({ ...sizes, 'insurance.households': insuredHouseholds, ...Object.fromEntries(picked) }));
}
