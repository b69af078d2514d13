import { explainHousehold, explainMetric, explainTable, UnknownMetricError } from '../../calibration/explain.js';
import { loadTargets } from '../../calibration/targets.js';
import { PROGRAMMES } from '../../core/accounts.js';
import { tableToCsv, tableToText } from '../../core/table.js';
import { booleanFlag, intFlag, listFlag, parseCommandArgs, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { loadScenarioArg } from '../scenarioArg.js';

/** `wuhou-sim explain` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    scenario: { type: 'string' },
    set: { type: 'string', multiple: true },
    csv: { type: 'boolean' },
    lang: { type: 'string' },
    household: { type: 'string' },
    seed: { type: 'string' },
    replication: { type: 'string' },
  });
  const metricId = args.positionals[0];
  if (!metricId) throw new UsageError('explain needs a metric id, e.g. `explain supermarket.discountYuan` (`run` lists the metrics)');
  if (args.positionals.length > 1) throw new UsageError(`explain takes one metric, got ${args.positionals.join(' ')}; name the scenario with --scenario`);
  const lang = stringFlag(args, 'lang') ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang: expected en or zh, got "${lang}"`);
  const scenario = loadScenarioArg(stringFlag(args, 'scenario'), listFlag(args, 'set'));
  try {
    const householdFlag = stringFlag(args, 'household');
    if (householdFlag !== undefined) {
      const id = intFlag(householdFlag, '--household', 0, -2_147_483_648, 2_147_483_647);
      const seed = intFlag(stringFlag(args, 'seed'), '--seed', scenario.values.simulation.seed, -Number.MAX_SAFE_INTEGER);
      const replication = intFlag(stringFlag(args, 'replication'), '--replication', 0, 0, 1_000_000);
      let trace;
      try {
        trace = explainHousehold(metricId, scenario, id, seed, replication);
      } catch (e) {
        if (e instanceof RangeError) throw new UsageError(`--household: ${e.message}`);
        throw e;
      }
      const out: string[] = [`${metricId}, ${scenario.name}, seed ${seed}, replication ${replication}`, trace.profile, ''];
      for (const p of PROGRAMMES) {
        const lines = trace.lines[p];
        if (!lines) continue;
        out.push(`── ${p} ──`, ...(lines.length ? lines : [`(${p} recorded no step for this household)`]), '');
      }
      process.stdout.write(out.join('\n'));
      return 0;
    }
    const { metric, parameters } = explainMetric(metricId, scenario);
    const table = explainTable(parameters, lang);
    if (booleanFlag(args, 'csv')) {
      process.stdout.write(tableToCsv(table));
      return 0;
    }
    const targets = loadTargets().filter((t) => t.metric === metric.id);
    const head = [
      `${metric.id}: ${metric.en} / ${metric.zh} (${metric.unit})`,
      `window: ${metric.window}`,
      `depends on: ${metric.dependsOn.join(', ') || '(nothing declared)'}`,
      ...targets.map((t) => `target ${t.id}: ${t.low} – ${t.high} ${t.unit} (${t.window}) «${t.quote}»`),
      `${parameters.length} parameters in ${scenario.name}:`,
    ];
    process.stdout.write(`${head.join('\n')}\n\n${tableToText(table)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof UnknownMetricError) throw new UsageError(e.message);
    throw e;
  }
}
