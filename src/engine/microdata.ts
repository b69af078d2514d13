import { PROGRAMMES, type ProgrammeId } from '../core/accounts.js';
import { fenToYuan } from '../core/money.js';
import { tableToCsv, tableToDataFrame, type Table } from '../core/table.js';
import { CATEGORIES, ILLNESS_GROUPS } from '../population/parameters.js';
import type { Population } from '../population/columns.js';
import type { Scenario } from '../scenario/load.js';
import type { HouseholdOutcomes } from './outcomes.js';
import { runReplication, type ReplicationResult } from './simulate.js';

/**
 * Household-level results of one replication, as columns (one slot per household): who the
 * household is, what each programme gave it, and which programmes it took part in.
 * Money is in yuan here (microdata is an edge of the engine, read by people and DataFrames).
 */
export interface Microdata {
  readonly replication: number;
  readonly count: number;
  readonly householdId: Int32Array;
  /** 0-based subdistrict index. */
  readonly subdistrict: Uint8Array;
  /** Index into CATEGORIES. */
  readonly category: Uint8Array;
  readonly size: Uint8Array;
  /** Household income per month, yuan. */
  readonly incomeYuan: Float64Array;
  /** 1 (poorest tenth, by income per person) … 10. */
  readonly incomeDecile: Uint8Array;
  /** Index into ILLNESS_GROUPS. */
  readonly illnessGroup: Uint8Array;
  readonly assessmentScore: Float32Array;
  /** Relief received over each programme's reporting window, yuan. */
  readonly benefitYuan: Record<ProgrammeId, Float64Array>;
  readonly totalBenefitYuan: Float64Array;
  /** 1 when the household took part in the programme. */
  readonly enrolled: Record<ProgrammeId, Uint8Array>;
  /** How many programmes the household took part in (0 … 3). */
  readonly programmes: Uint8Array;
  /** Programme-specific columns (`<programme>.<column>`), passed through unchanged. */
  readonly extra: Record<string, Float64Array>;
}

/**
 * Income decile (1 … 10) of each household by income per person. Households with equal
 * income share a decile, so tenths can be slightly uneven when incomes tie.
 */
export function incomeDeciles(incomeFen: ArrayLike<number>, size: ArrayLike<number>): Uint8Array {
  const n = incomeFen.length;
  const perPerson = new Float64Array(n);
  for (let h = 0; h < n; h++) perPerson[h] = incomeFen[h]! / Math.max(1, size[h]!);
  const sorted = perPerson.slice().sort();
  const thresholds = new Float64Array(9);
  for (let k = 1; k <= 9; k++) thresholds[k - 1] = sorted[Math.floor((k * n) / 10)] ?? Infinity;
  const out = new Uint8Array(n);
  for (let h = 0; h < n; h++) {
    const x = perPerson[h]!;
    let d = 1;
    while (d <= 9 && x >= thresholds[d - 1]!) d++;
    out[h] = d;
  }
  return out;
}

/** Total relief per household over all programmes, in fen. */
export function totalBenefitFen(outcomes: HouseholdOutcomes): Float64Array {
  const total = new Float64Array(outcomes.count);
  for (const p of PROGRAMMES) {
    const col = outcomes.benefitFen[p];
    for (let h = 0; h < outcomes.count; h++) total[h] = total[h]! + col[h]!;
  }
  return total;
}

/** The microdata of a replication's population and outcomes. */
export function microdataOf(replication: number, population: Population, outcomes: HouseholdOutcomes): Microdata {
  const hh = population.households;
  const n = hh.count;
  const incomeYuan = new Float64Array(n);
  for (let h = 0; h < n; h++) incomeYuan[h] = fenToYuan(hh.incomeFen[h]!);
  const benefitYuan = {} as Record<ProgrammeId, Float64Array>;
  const enrolled = {} as Record<ProgrammeId, Uint8Array>;
  const totalBenefitYuan = new Float64Array(n);
  const programmes = new Uint8Array(n);
  PROGRAMMES.forEach((p, i) => {
    const fen = outcomes.benefitFen[p];
    const yuan = new Float64Array(n);
    const bit = new Uint8Array(n);
    for (let h = 0; h < n; h++) {
      yuan[h] = fenToYuan(fen[h]!);
      totalBenefitYuan[h] = totalBenefitYuan[h]! + yuan[h]!;
      bit[h] = (outcomes.enrolment[h]! >> i) & 1;
      programmes[h] = programmes[h]! + bit[h]!;
    }
    benefitYuan[p] = yuan;
    enrolled[p] = bit;
  });
  return {
    replication,
    count: n,
    householdId: hh.id,
    subdistrict: hh.subdistrict,
    category: hh.category,
    size: hh.size,
    incomeYuan,
    incomeDecile: incomeDeciles(hh.incomeFen, hh.size),
    illnessGroup: hh.illnessGroup,
    assessmentScore: hh.assessmentScore,
    benefitYuan,
    totalBenefitYuan,
    enrolled,
    programmes,
    extra: { ...outcomes.extra },
  };
}

/** The microdata of one result of `runReplication`. */
export function microdataFromReplication(result: ReplicationResult): Microdata {
  return microdataOf(result.replication, result.population, result.outcomes);
}

/** Runs one replication of a scenario and returns its household-level outcomes. */
export function householdMicrodata(scenario: Scenario, options: { seed?: number; replication?: number } = {}): Microdata {
  const seed = options.seed ?? scenario.values.simulation.seed;
  return microdataFromReplication(runReplication(scenario, seed, options.replication ?? 0));
}

/** Microdata as plain columnar records: one row per household, category and illness group as words. */
export function microdataTable(m: Microdata): Table {
  const n = m.count;
  const table: Table = {
    replication: new Array<number>(n).fill(m.replication),
    household: Array.from(m.householdId),
    subdistrict: Array.from(m.subdistrict),
    category: Array.from(m.category, (c) => CATEGORIES[c] ?? String(c)),
    size: Array.from(m.size),
    incomeYuan: Array.from(m.incomeYuan),
    incomeDecile: Array.from(m.incomeDecile),
    illnessGroup: Array.from(m.illnessGroup, (g) => ILLNESS_GROUPS[g] ?? String(g)),
    assessmentScore: Array.from(m.assessmentScore, (s) => Math.round(s * 1e6) / 1e6),
  };
  for (const p of PROGRAMMES) table[`benefit.${p}`] = Array.from(m.benefitYuan[p]);
  table['benefit.total'] = Array.from(m.totalBenefitYuan);
  for (const p of PROGRAMMES) table[`enrolled.${p}`] = Array.from(m.enrolled[p]);
  table.programmes = Array.from(m.programmes);
  for (const name of Object.keys(m.extra).sort()) table[name] = Array.from(m.extra[name]!);
  return table;
}

/** Microdata as CSV (one row per household). */
export function microdataCsv(m: Microdata): string {
  return tableToCsv(microdataTable(m));
}

/** Microdata as a danfo DataFrame; danfo is loaded only when this is called. */
export function microdataDataFrame(m: Microdata): Promise<unknown> {
  return tableToDataFrame(microdataTable(m));
}
