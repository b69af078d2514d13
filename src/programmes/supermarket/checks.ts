import { monthNumber } from '../../core/calendar.js';
import type { CheckIssue, ScenarioCheck } from '../../scenario/checks.js';
import { eligibleCategoryCodes } from './parameters.js';
import { CATEGORIES } from '../../population/parameters.js';

const STORES = 'supermarket.stores';

/** One store list entry per store: the two lists must line up. */
const storeListsAlign: ScenarioCheck = (v) => {
  const s = v.supermarket.stores;
  return s.subdistricts.length === s.openingMonths.length
    ? []
    : [{ path: `${STORES}.subdistricts`, problem: 'one subdistrict per store', got: `${s.subdistricts.length} subdistricts`, expected: `${s.openingMonths.length} (one per opening month)` }];
};

/** A store must stand in a subdistrict that exists. */
const storesInKnownSubdistricts: ScenarioCheck = (v) => {
  const n = v.population.subdistricts;
  const bad = v.supermarket.stores.subdistricts.filter((s) => s > n);
  return bad.length ? [{ path: `${STORES}.subdistricts`, problem: 'store in a subdistrict that does not exist', got: bad, expected: `subdistrict numbers 1 to ${n}` }] : [];
};

/**
 * Subdistricts that need a store: those with households of an eligible category
 * (positive subdistrict weight and at least one such household). Card holders shop in
 * their own subdistrict, so each of these needs a store or its households are left out.
 */
export function subdistrictsNeedingStore(v: Parameters<ScenarioCheck>[0]): number[] {
  const codes = eligibleCategoryCodes(v.supermarket.cards.eligibleCategories);
  const anyEligible = codes.some((c) => v.population[CATEGORIES[c]!].households > 0);
  if (!anyEligible) return [];
  const out: number[] = [];
  v.population.subdistrictWeights.forEach((w, i) => {
    if (w > 0) out.push(i + 1);
  });
  return out;
}

const everySubdistrictServed: ScenarioCheck = (v) => {
  const needing = subdistrictsNeedingStore(v);
  const stores = v.supermarket.stores;
  const issues: CheckIssue[] = [];
  if (stores.openingMonths.length < needing.length) {
    issues.push({ path: `${STORES}.openingMonths`, problem: 'fewer stores than subdistricts that need one', got: `${stores.openingMonths.length} stores`, expected: `at least ${needing.length} (one per subdistrict with eligible households)` });
  }
  const served = new Set(stores.subdistricts);
  const unserved = needing.filter((s) => !served.has(s));
  if (unserved.length) {
    issues.push({ path: `${STORES}.subdistricts`, problem: 'subdistricts with eligible households but no store', got: unserved, expected: 'a store in every subdistrict with a positive weight' });
  }
  return issues;
};

const windowInOrder: ScenarioCheck = (v) => {
  const r = v.supermarket.reporting;
  return monthNumber(r.to) < monthNumber(r.from) ? [{ path: 'supermarket.reporting.to', problem: 'reporting window ends before it starts', got: r.to, expected: `a month from ${r.from} on` }] : [];
};

const balanceCapHoldsOneCredit: ScenarioCheck = (v) => {
  const s = v.supermarket.subsidy;
  return s.unspent === 'capped' && s.maxBalanceYuan < s.monthlyYuan
    ? [{ path: 'supermarket.subsidy.maxBalanceYuan', problem: 'balance cap below one month of credit (part of every credit would be lost)', got: s.maxBalanceYuan, expected: `at least subsidy.monthlyYuan = ${s.monthlyYuan}` }]
    : [];
};

const noDuplicateCategories: ScenarioCheck = (v) => {
  const c = v.supermarket.cards.eligibleCategories;
  return new Set(c).size === c.length ? [] : [{ path: 'supermarket.cards.eligibleCategories', problem: 'a category is listed twice', got: c, expected: 'each category at most once' }];
};

/** Rules across several supermarket parameters, run after each value is valid on its own. */
export const supermarketChecks: ScenarioCheck[] = [storeListsAlign, storesInKnownSubdistricts, everySubdistrictServed, windowInOrder, balanceCapHoldsOneCredit, noDuplicateCategories];
