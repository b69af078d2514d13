import { PROGRAMMES, type Account, type ProgrammeId } from '../core/accounts.js';
import { fenToYuan } from '../core/money.js';
import { PAYERS } from '../metrics/engineMetrics.js';
import { summarise, type MetricSummary } from '../metrics/summary.js';
import { CATEGORIES } from '../population/parameters.js';
import type { Scenario } from '../scenario/load.js';
import { incomeDeciles, totalBenefitFen } from './microdata.js';
import { allMetrics, runReplication, type ReplicationResult } from './simulate.js';

/**
 * Baseline against reform, PolicyEngine-style, with uncertainty: both run replication by
 * replication on the same random streams (common random numbers), so the paired difference
 * of a metric carries only the noise the reform itself causes.
 */

/** A summary of the paired differences (reform − baseline) across replications. */
export interface DifferenceSummary extends MetricSummary {
  /** 95% confidence interval of the mean difference (Student t on the paired differences). */
  ciLow: number;
  ciHigh: number;
}

export interface PairedSummary {
  baseline: MetricSummary;
  reform: MetricSummary;
  difference: DifferenceSummary;
}

export interface MetricComparison extends PairedSummary {
  unit: string;
  zh: string;
  en: string;
}

/** One household group (a category or an income decile) in the distributional table. */
export interface GroupComparison {
  group: string;
  households: PairedSummary;
  /** Mean relief per household of the group over the whole run, yuan. */
  meanBenefitYuan: PairedSummary;
  /** Households whose relief rose (winners) or fell (losers) by more than the threshold; only when households pair up. */
  winners?: MetricSummary;
  losers?: MetricSummary;
}

export interface Comparison {
  baseline: string;
  reform: string;
  seed: number;
  reformSeed: number;
  replications: number;
  /** Every metric both runs report, in catalogue order. */
  metrics: Record<string, MetricComparison>;
  /** Net spending of each payer (district budget, charity association, operators, insurer, donors), yuan. */
  costByPayer: Record<string, PairedSummary>;
  relief: {
    /** Relief households received from all programmes, yuan. */
    total: PairedSummary;
    byProgramme: Record<ProgrammeId, PairedSummary>;
    districtCost: PairedSummary;
    /** Relief delivered per yuan of district money (杠杆效应); 0 in a replication where the district spends nothing. */
    leverage: PairedSummary;
  };
  reach: { none: PairedSummary; several: PairedSummary };
  distribution: {
    /**
     * True when baseline and reform have the same households in the same order (same count
     * and category in every replication), so that household-level winners and losers mean something.
     */
    householdsPaired: boolean;
    winnerThresholdYuan: number;
    byCategory: GroupComparison[];
    byDecile: GroupComparison[];
  };
}

export interface CompareOptions {
  seed?: number;
  replications?: number;
  /**
   * Seed of the reform's streams; defaults to `seed` (common random numbers). A different
   * seed gives an unpaired comparison, only useful to show how much pairing gains.
   */
  reformSeed?: number;
  /** A household wins or loses when its relief changes by more than this, yuan (default 1). */
  winnerThresholdYuan?: number;
  onReplication?: (done: number, total: number) => void;
}

/** Two-sided 97.5% Student t quantiles for 1 … 10 degrees of freedom. */
const T975 = [12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912, 2.364624, 2.306004, 2.262157, 2.228139];

/** The 97.5% quantile of Student's t with `df` degrees of freedom (Cornish–Fisher beyond 10; error < 1e-6). */
export function tQuantile975(df: number): number {
  if (df < 1) return 0;
  if (df <= 10) return T975[Math.floor(df) - 1]!;
  const z = 1.959963984540054;
  const g1 = (z ** 3 + z) / 4;
  const g2 = (5 * z ** 5 + 16 * z ** 3 + 3 * z) / 96;
  const g3 = (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / 384;
  const g4 = (79 * z ** 9 + 776 * z ** 7 + 1482 * z ** 5 - 1920 * z ** 3 - 945 * z) / 92160;
  return z + g1 / df + g2 / df ** 2 + g3 / df ** 3 + g4 / df ** 4;
}

/** Summaries of two paired series and of their differences, replication by replication. */
export function pairedSummary(baseline: readonly number[], reform: readonly number[]): PairedSummary {
  if (baseline.length !== reform.length) throw new RangeError(`paired series differ in length: ${baseline.length} and ${reform.length}`);
  const diff = baseline.map((b, i) => reform[i]! - b);
  const d = summarise(diff);
  const half = tQuantile975(d.n - 1) * d.se;
  return { baseline: summarise(baseline), reform: summarise(reform), difference: { ...d, ciLow: d.mean - half, ciHigh: d.mean + half } };
}

/** Per-replication quantities of one run, beyond its metrics. */
interface RunSeries {
  metrics: Record<string, number[]>;
  relief: number[];
  reliefBy: Record<ProgrammeId, number[]>;
  leverage: number[];
  groupHouseholds: number[][];
  groupMeanBenefit: number[][];
}

const GROUPS = [...CATEGORIES, ...Array.from({ length: 10 }, (_, d) => `decile ${d + 1}`)];
const DECILE_OFFSET = CATEGORIES.length;

function emptySeries(): RunSeries {
  return {
    metrics: {},
    relief: [],
    reliefBy: Object.fromEntries(PROGRAMMES.map((p) => [p, []])) as unknown as Record<ProgrammeId, number[]>,
    leverage: [],
    groupHouseholds: GROUPS.map(() => []),
    groupMeanBenefit: GROUPS.map(() => []),
  };
}

/** Adds one replication of a run: its metrics, relief, leverage, and group sizes and means (by category, then decile). */
function recordRun(series: RunSeries, run: ReplicationResult, deciles: Uint8Array, totalFen: Float64Array): void {
  for (const [id, v] of Object.entries(run.metrics)) (series.metrics[id] ??= []).push(v);
  const outcomes = run.outcomes;
  let reliefFen = 0;
  for (const p of PROGRAMMES) {
    const col = outcomes.benefitFen[p];
    let s = 0;
    for (let h = 0; h < outcomes.count; h++) s += col[h]!;
    series.reliefBy[p].push(fenToYuan(s));
    reliefFen += s;
  }
  const relief = fenToYuan(reliefFen);
  const district = run.metrics['cost.districtBudget'] ?? 0;
  series.relief.push(relief);
  series.leverage.push(district > 0 ? relief / district : 0);
  const count = new Float64Array(GROUPS.length);
  const sumFen = new Float64Array(GROUPS.length);
  const category = run.population.households.category;
  for (let h = 0; h < outcomes.count; h++) {
    const c = category[h]!;
    const d = DECILE_OFFSET + deciles[h]! - 1;
    count[c]++;
    count[d]++;
    sumFen[c] += totalFen[h]!;
    sumFen[d] += totalFen[h]!;
  }
  for (let g = 0; g < GROUPS.length; g++) {
    series.groupHouseholds[g]!.push(count[g]!);
    series.groupMeanBenefit[g]!.push(count[g]! > 0 ? fenToYuan(sumFen[g]! / count[g]!) : 0);
  }
}

function samePeople(a: ReplicationResult, b: ReplicationResult): boolean {
  const ha = a.population.households;
  const hb = b.population.households;
  if (ha.count !== hb.count) return false;
  for (let h = 0; h < ha.count; h++) if (ha.category[h] !== hb.category[h]) return false;
  return true;
}

/**
 * Runs baseline and reform on common random numbers and compares every metric, the cost to
 * each payer, the leverage of district money, reach, and who gains or loses by household
 * category and income decile (deciles of the baseline population's income per person).
 */
export function compare(baseline: Scenario, reform: Scenario, options: CompareOptions = {}): Comparison {
  const seed = options.seed ?? baseline.values.simulation.seed;
  const reformSeed = options.reformSeed ?? seed;
  const replications = options.replications ?? baseline.values.simulation.replications;
  if (!Number.isInteger(replications) || replications < 1) throw new RangeError(`replications must be a whole number ≥ 1, got ${replications}`);
  const thresholdFen = Math.round((options.winnerThresholdYuan ?? 1) * 100);
  const base = emptySeries();
  const ref = emptySeries();
  const winners = GROUPS.map((): number[] => []);
  const losers = GROUPS.map((): number[] => []);
  let householdsPaired = true;
  for (let r = 0; r < replications; r++) {
    const b = runReplication(baseline, seed, r);
    const f = runReplication(reform, reformSeed, r);
    const bTotal = totalBenefitFen(b.outcomes);
    const fTotal = totalBenefitFen(f.outcomes);
    const bDeciles = incomeDeciles(b.population.households.incomeFen, b.population.households.size);
    const paired: boolean = householdsPaired && samePeople(b, f);
    recordRun(base, b, bDeciles, bTotal);
    recordRun(ref, f, paired ? bDeciles : incomeDeciles(f.population.households.incomeFen, f.population.households.size), fTotal);
    if (paired) countWinners(b, bDeciles, bTotal, fTotal, thresholdFen, winners, losers);
    householdsPaired = paired;
    options.onReplication?.(r + 1, replications);
  }
  return assemble(baseline.name, reform.name, seed, reformSeed, replications, base, ref, householdsPaired, thresholdFen / 100, winners, losers);
}

/** One scenario's cost by payer, relief, leverage and reach, summarised across replications (no comparison). */
export interface RunOverview {
  scenario: string;
  seed: number;
  replications: number;
  costByPayer: Record<string, MetricSummary>;
  relief: { total: MetricSummary; byProgramme: Record<ProgrammeId, MetricSummary>; districtCost: MetricSummary; leverage: MetricSummary };
  reach: { none: MetricSummary; several: MetricSummary };
}

/** What a scenario costs each payer and what relief it delivers, with the leverage of district money. */
export function overview(scenario: Scenario, options: Pick<CompareOptions, 'seed' | 'replications' | 'onReplication'> = {}): RunOverview {
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const series = emptySeries();
  for (let r = 0; r < replications; r++) {
    const run = runReplication(scenario, seed, r);
    recordRun(series, run, incomeDeciles(run.population.households.incomeFen, run.population.households.size), totalBenefitFen(run.outcomes));
    options.onReplication?.(r + 1, replications);
  }
  const metric = (id: string) => summarise(series.metrics[id] ?? new Array<number>(replications).fill(0));
  return {
    scenario: scenario.name,
    seed,
    replications,
    costByPayer: Object.fromEntries(PAYERS.map((a) => [a, metric(`cost.${a}`)])),
    relief: {
      total: summarise(series.relief),
      byProgramme: Object.fromEntries(PROGRAMMES.map((p) => [p, summarise(series.reliefBy[p])])) as Record<ProgrammeId, MetricSummary>,
      districtCost: metric('cost.districtBudget'),
      leverage: summarise(series.leverage),
    },
    reach: { none: metric('reach.none'), several: metric('reach.several') },
  };
}

function countWinners(b: ReplicationResult, deciles: Uint8Array, bTotal: Float64Array, fTotal: Float64Array, thresholdFen: number, winners: number[][], losers: number[][]): void {
  const win = new Float64Array(GROUPS.length);
  const lose = new Float64Array(GROUPS.length);
  const category = b.population.households.category;
  for (let h = 0; h < bTotal.length; h++) {
    const change = fTotal[h]! - bTotal[h]!;
    if (change > thresholdFen) {
      win[category[h]!]++;
      win[DECILE_OFFSET + deciles[h]! - 1]++;
    } else if (change < -thresholdFen) {
      lose[category[h]!]++;
      lose[DECILE_OFFSET + deciles[h]! - 1]++;
    }
  }
  for (let g = 0; g < GROUPS.length; g++) {
    winners[g]!.push(win[g]!);
    losers[g]!.push(lose[g]!);
  }
}

function assemble(
  baselineName: string,
  reformName: string,
  seed: number,
  reformSeed: number,
  replications: number,
  base: RunSeries,
  ref: RunSeries,
  householdsPaired: boolean,
  winnerThresholdYuan: number,
  winners: number[][],
  losers: number[][],
): Comparison {
  const specs = new Map(allMetrics().map((m) => [m.id, m]));
  const ids = [...allMetrics().map((m) => m.id), ...Object.keys(base.metrics).filter((id) => !specs.has(id))].filter((id) => base.metrics[id] && ref.metrics[id]);
  const metrics: Record<string, MetricComparison> = {};
  for (const id of ids) {
    const spec = specs.get(id);
    metrics[id] = { ...pairedSummary(base.metrics[id]!, ref.metrics[id]!), unit: spec?.unit ?? '', zh: spec?.zh ?? id, en: spec?.en ?? id };
  }
  const zeros = new Array<number>(replications).fill(0);
  const metric = (id: string): PairedSummary => pairedSummary(base.metrics[id] ?? zeros, ref.metrics[id] ?? zeros);
  const costByPayer: Record<string, PairedSummary> = {};
  for (const a of PAYERS as readonly Account[]) costByPayer[a] = metric(`cost.${a}`);
  const group = (g: number): GroupComparison => ({
    group: GROUPS[g]!,
    households: pairedSummary(base.groupHouseholds[g]!, ref.groupHouseholds[g]!),
    meanBenefitYuan: pairedSummary(base.groupMeanBenefit[g]!, ref.groupMeanBenefit[g]!),
    ...(householdsPaired ? { winners: summarise(winners[g]!), losers: summarise(losers[g]!) } : {}),
  });
  return {
    baseline: baselineName,
    reform: reformName,
    seed,
    reformSeed,
    replications,
    metrics,
    costByPayer,
    relief: {
      total: pairedSummary(base.relief, ref.relief),
      byProgramme: Object.fromEntries(PROGRAMMES.map((p) => [p, pairedSummary(base.reliefBy[p], ref.reliefBy[p])])) as Record<ProgrammeId, PairedSummary>,
      districtCost: metric('cost.districtBudget'),
      leverage: pairedSummary(base.leverage, ref.leverage),
    },
    reach: { none: metric('reach.none'), several: metric('reach.several') },
    distribution: {
      householdsPaired,
      winnerThresholdYuan,
      byCategory: CATEGORIES.map((_, c) => group(c)),
      byDecile: Array.from({ length: 10 }, (_, d) => group(DECILE_OFFSET + d)),
    },
  };
}
