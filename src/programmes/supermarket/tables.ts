import type { Table } from '../../core/table.js';
import type { HouseholdOutcomes } from '../../engine/outcomes.js';
import type { Population } from '../../population/columns.js';
import { CATEGORIES } from '../../population/parameters.js';

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

function column(o: HouseholdOutcomes, name: string): Float64Array {
  const c = o.extra[`supermarket.${name}`];
  if (!c) throw new Error(`supermarket tables: outcome column supermarket.${name} is missing (run the supermarket first)`);
  return c;
}

/** Sums of the card-holder columns over groups of households (group index per household, −1 = skip). */
function groupSums(o: HouseholdOutcomes, groups: number, groupOf: (h: number) => number) {
  const months = column(o, 'cardMonths');
  const discount = column(o, 'discountFen');
  const subsidy = column(o, 'subsidyFen');
  const food = column(o, 'foodSpendingFen');
  const veg = column(o, 'vegetablesCapMonths');
  const stap = column(o, 'staplesCapMonths');
  const s = { holders: new Float64Array(groups), months: new Float64Array(groups), discount: new Float64Array(groups), subsidy: new Float64Array(groups), food: new Float64Array(groups), veg: new Float64Array(groups), stap: new Float64Array(groups) };
  for (let h = 0; h < o.count; h++) {
    if (months[h] === 0) continue;
    const g = groupOf(h);
    if (g < 0 || g >= groups) continue;
    s.holders[g] += 1;
    s.months[g] += months[h]!;
    s.discount[g] += discount[h]!;
    s.subsidy[g] += subsidy[h]!;
    s.food[g] += food[h]!;
    s.veg[g] += veg[h]!;
    s.stap[g] += stap[h]!;
  }
  return s;
}

function groupTable(keyName: string, keys: string[], s: ReturnType<typeof groupSums>): Table {
  const idx = keys.map((_, i) => i);
  return {
    [keyName]: keys,
    cardHolders: idx.map((i) => s.holders[i]!),
    cardMonths: idx.map((i) => s.months[i]!),
    discountPerCardMonthYuan: idx.map((i) => ratio(s.discount[i]!, s.months[i]!) / 100),
    subsidyPerCardMonthYuan: idx.map((i) => ratio(s.subsidy[i]!, s.months[i]!) / 100),
    benefitPerCardMonthYuan: idx.map((i) => ratio(s.discount[i]! + s.subsidy[i]!, s.months[i]!) / 100),
    foodSpendingCoveredShare: idx.map((i) => ratio(s.discount[i]! + s.subsidy[i]!, s.food[i]!)),
    vegetablesCapBindingShare: idx.map((i) => ratio(s.veg[i]!, s.months[i]!)),
    staplesCapBindingShare: idx.map((i) => ratio(s.stap[i]!, s.months[i]!)),
  };
}

/** Benefit per card-holder month (discount + subsidy), coverage and cap binding, by subdistrict. */
export function benefitBySubdistrict(pop: Population, o: HouseholdOutcomes): Table {
  const keys = Array.from({ length: pop.subdistricts }, (_, i) => `S${String(i + 1).padStart(2, '0')}`);
  return groupTable('subdistrict', keys, groupSums(o, pop.subdistricts, (h) => pop.households.subdistrict[h]!));
}

/** The same, by household category (dibao, marginal, specialHardship). */
export function benefitByCategory(pop: Population, o: HouseholdOutcomes): Table {
  return groupTable('category', [...CATEGORIES], groupSums(o, CATEGORIES.length, (h) => pop.households.category[h]!));
}

/** The same, by household size (1 … 5 persons; larger households go in the last group). */
export function benefitByHouseholdSize(pop: Population, o: HouseholdOutcomes): Table {
  return groupTable('persons', ['1', '2', '3', '4', '5+'], groupSums(o, 5, (h) => Math.min(5, pop.households.size[h]!) - 1));
}

/** Bands of visits per card-holder month, the main driver of which cap binds. */
export const VISIT_BANDS = [0.5, 1, 1.5, 2] as const;

/** The same, by the household's visits per card-holder month (under 0.5, 0.5–1, 1–1.5, 1.5–2, 2 and more). */
export function benefitByVisitFrequency(o: HouseholdOutcomes): Table {
  const months = column(o, 'cardMonths');
  const visits = column(o, 'visits');
  const labels = ['<0.5', '0.5–1', '1–1.5', '1.5–2', '≥2'];
  return groupTable('visitsPerCardMonth', labels, groupSums(o, labels.length, (h) => {
    const v = visits[h]! / months[h]!;
    let b = 0;
    while (b < VISIT_BANDS.length && v >= VISIT_BANDS[b]!) b++;
    return b;
  }));
}

/** One row per card holder: category, subdistrict, size, card months and benefit (yuan, per card month). */
export function cardHolderRows(pop: Population, o: HouseholdOutcomes): Table {
  const months = column(o, 'cardMonths');
  const discount = column(o, 'discountFen');
  const subsidy = column(o, 'subsidyFen');
  const t: Table = { household: [], category: [], subdistrict: [], persons: [], cardMonths: [], benefitYuan: [], benefitPerCardMonthYuan: [] };
  for (let h = 0; h < o.count; h++) {
    if (months[h] === 0) continue;
    const b = (discount[h]! + subsidy[h]!) / 100;
    t.household!.push(pop.households.id[h]!);
    t.category!.push(CATEGORIES[pop.households.category[h]!]!);
    t.subdistrict!.push(pop.households.subdistrict[h]! + 1);
    t.persons!.push(pop.households.size[h]!);
    t.cardMonths!.push(months[h]!);
    t.benefitYuan!.push(b);
    t.benefitPerCardMonthYuan!.push(b / months[h]!);
  }
  return t;
}
