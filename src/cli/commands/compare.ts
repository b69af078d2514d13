import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { tableToCsv, tableToText, type Table } from '../../core/table.js';
import { compare, type Comparison, type GroupComparison, type PairedSummary } from '../../engine/compare.js';
import type { MetricSummary } from '../../metrics/summary.js';
import { parseOverrides, withOverrides } from '../../scenario/load.js';
import { ScenarioError, type ScenarioIssue } from '../../scenario/issues.js';
import { booleanFlag, intFlag, listFlag, parseCommandArgs, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { startProgress } from '../progress.js';
import { loadScenarioArg } from '../scenarioArg.js';

const brief = (s: MetricSummary) => ({ mean: s.mean, sd: s.sd, p025: s.p025, p975: s.p975 });
const briefPaired = (p: PairedSummary) => ({ baseline: brief(p.baseline), reform: brief(p.reform), difference: { ...brief(p.difference), ciLow: p.difference.ciLow, ciHigh: p.difference.ciHigh } });

/** Columns of one paired quantity: baseline, reform, difference with its 95% CI and spread. */
function pairedColumns(rows: PairedSummary[]): Table {
  return {
    baseline: rows.map((r) => r.baseline.mean),
    'baseline.p025': rows.map((r) => r.baseline.p025),
    'baseline.p975': rows.map((r) => r.baseline.p975),
    reform: rows.map((r) => r.reform.mean),
    'reform.p025': rows.map((r) => r.reform.p025),
    'reform.p975': rows.map((r) => r.reform.p975),
    difference: rows.map((r) => r.difference.mean),
    'difference.ciLow': rows.map((r) => r.difference.ciLow),
    'difference.ciHigh': rows.map((r) => r.difference.ciHigh),
    'difference.p025': rows.map((r) => r.difference.p025),
    'difference.p975': rows.map((r) => r.difference.p975),
  };
}

/** Every metric: baseline, reform and paired difference (mean, 95% CI of the mean, 2.5–97.5% spread). */
export function comparisonMetricsTable(c: Comparison, lang: 'en' | 'zh' = 'en'): Table {
  const ids = Object.keys(c.metrics);
  return { metric: ids, label: ids.map((id) => c.metrics[id]![lang]), unit: ids.map((id) => c.metrics[id]!.unit), ...pairedColumns(ids.map((id) => c.metrics[id]!)) };
}

/** Net spending by payer, relief delivered and the leverage of district money. */
export function comparisonMoneyTable(c: Comparison): Table {
  const rows: Array<[string, string, PairedSummary]> = [
    ...Object.entries(c.costByPayer).map(([payer, s]): [string, string, PairedSummary] => [`cost.${payer}`, 'yuan', s]),
    ['relief.total', 'yuan', c.relief.total],
    ...Object.entries(c.relief.byProgramme).map(([p, s]): [string, string, PairedSummary] => [`relief.${p}`, 'yuan', s]),
    ['leverage', 'yuan relief per yuan of district money', c.relief.leverage],
    ['reach.none', 'households', c.reach.none],
    ['reach.several', 'households', c.reach.several],
  ];
  return { quantity: rows.map((r) => r[0]), unit: rows.map((r) => r[1]), ...pairedColumns(rows.map((r) => r[2])) };
}

/** Winners and losers by household category and income decile. */
export function comparisonDistributionTable(c: Comparison): Table {
  const groups: GroupComparison[] = [...c.distribution.byCategory, ...c.distribution.byDecile];
  const table: Table = {
    group: groups.map((g) => g.group),
    households: groups.map((g) => g.households.baseline.mean),
    'households.reform': groups.map((g) => g.households.reform.mean),
    'benefit.baseline': groups.map((g) => g.meanBenefitYuan.baseline.mean),
    'benefit.reform': groups.map((g) => g.meanBenefitYuan.reform.mean),
    'benefit.change': groups.map((g) => g.meanBenefitYuan.difference.mean),
    'benefit.change.ciLow': groups.map((g) => g.meanBenefitYuan.difference.ciLow),
    'benefit.change.ciHigh': groups.map((g) => g.meanBenefitYuan.difference.ciHigh),
  };
  if (c.distribution.householdsPaired) {
    table.winners = groups.map((g) => g.winners!.mean);
    table['winners.p025'] = groups.map((g) => g.winners!.p025);
    table['winners.p975'] = groups.map((g) => g.winners!.p975);
    table.losers = groups.map((g) => g.losers!.mean);
    table['losers.p025'] = groups.map((g) => g.losers!.p025);
    table['losers.p975'] = groups.map((g) => g.losers!.p975);
  }
  return table;
}

/** The `compare --json` document. */
export function comparisonJson(c: Comparison): object {
  const group = (g: GroupComparison) => ({
    group: g.group,
    households: briefPaired(g.households),
    meanBenefitYuan: briefPaired(g.meanBenefitYuan),
    ...(g.winners ? { winners: brief(g.winners), losers: brief(g.losers!) } : {}),
  });
  return {
    baseline: c.baseline,
    reform: c.reform,
    seed: c.seed,
    replications: c.replications,
    metrics: Object.fromEntries(Object.entries(c.metrics).map(([id, m]) => [id, { unit: m.unit, ...briefPaired(m) }])),
    costByPayer: Object.fromEntries(Object.entries(c.costByPayer).map(([k, v]) => [k, briefPaired(v)])),
    relief: {
      total: briefPaired(c.relief.total),
      byProgramme: Object.fromEntries(Object.entries(c.relief.byProgramme).map(([k, v]) => [k, briefPaired(v)])),
      districtCost: briefPaired(c.relief.districtCost),
      leverage: briefPaired(c.relief.leverage),
    },
    reach: { none: briefPaired(c.reach.none), several: briefPaired(c.reach.several) },
    distribution: {
      householdsPaired: c.distribution.householdsPaired,
      winnerThresholdYuan: c.distribution.winnerThresholdYuan,
      byCategory: c.distribution.byCategory.map(group),
      byDecile: c.distribution.byDecile.map(group),
    },
  };
}

/** Only the rows whose baseline or reform is not zero everywhere: the terminal view. */
function changedOrNonZero(table: Table): Table {
  const n = (table.baseline ?? []).length;
  const keep = Array.from({ length: n }, (_, i) => ['baseline', 'reform', 'difference'].some((k) => table[k]![i] !== 0));
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v.filter((_, i) => keep[i])]));
}

function pick(table: Table, columns: string[]): Table {
  return Object.fromEntries(columns.filter((c) => c in table).map((c) => [c, table[c]!]));
}

/** `wuhou-sim compare` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    reps: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    out: { type: 'string' },
  });
  const [basePath, reformPath, ...extra] = args.positionals;
  if (!basePath || !reformPath || extra.length) throw new UsageError('compare: name a baseline and a reform scenario file (compare <baseline> <reform>)');
  const baseline = loadScenarioArg(basePath);
  let reform = loadScenarioArg(reformPath);
  const sets = listFlag(args, 'set');
  if (sets.length) {
    const issues: ScenarioIssue[] = [];
    const overrides = parseOverrides(sets, issues);
    if (issues.length) throw new ScenarioError(issues);
    reform = withOverrides(reform, overrides, '--set');
  }
  const seed = intFlag(stringFlag(args, 'seed'), '--seed', baseline.values.simulation.seed, -Number.MAX_SAFE_INTEGER);
  const replications = intFlag(stringFlag(args, 'reps'), '--reps', baseline.values.simulation.replications, 1, 100_000);
  const out = stringFlag(args, 'out');
  const progress = await startProgress(replications, 'replications');
  const result = compare(baseline, reform, { seed, replications, onReplication: (done) => progress.update(done) });
  progress.stop();
  const metricsTable = comparisonMetricsTable(result);
  const moneyTable = comparisonMoneyTable(result);
  const distributionTable = comparisonDistributionTable(result);
  if (out) {
    writeFileAtomic(join(out, 'metrics.csv'), tableToCsv(metricsTable));
    writeFileAtomic(join(out, 'money.csv'), tableToCsv(moneyTable));
    writeFileAtomic(join(out, 'distribution.csv'), tableToCsv(distributionTable));
  }
  if (booleanFlag(args, 'json')) {
    process.stdout.write(JSON.stringify(comparisonJson(result)) + '\n');
    return 0;
  }
  const shown = ['metric', 'quantity', 'group', 'unit', 'baseline', 'reform', 'difference', 'difference.ciLow', 'difference.ciHigh'];
  process.stdout.write(`${baseline.name} → ${reform.name}: seed ${seed}, ${replications} paired replications (difference = reform − baseline, 95% CI of the mean difference)\n\n`);
  process.stdout.write(`${tableToText(pick(changedOrNonZero(metricsTable), shown))}\n\n`);
  process.stdout.write(`Money, leverage and reach\n\n${tableToText(pick(moneyTable, shown))}\n\n`);
  const dist = pick(distributionTable, ['group', 'households', 'benefit.baseline', 'benefit.reform', 'benefit.change', 'winners', 'losers']);
  process.stdout.write(`Relief per household (yuan) by category and income decile${result.distribution.householdsPaired ? `; winners and losers gain or lose more than ${result.distribution.winnerThresholdYuan} yuan` : '; the reform changes the population, so households are not paired one to one'}\n\n${tableToText(dist)}\n`);
  if (out) process.stdout.write(`\nwrote ${['metrics.csv', 'money.csv', 'distribution.csv'].map((f) => join(out, f)).join(', ')}\n`);
  return 0;
}
