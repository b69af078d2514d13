import { resolve } from 'node:path';
import { checkTargets, targetTable } from '../../calibration/checkTargets.js';
import type { Target } from '../../calibration/targets.js';
import { tableToText } from '../../core/table.js';
import type { SimulationResult } from '../../engine/simulate.js';
import { PAYERS } from '../../metrics/engineMetrics.js';
import { summaryTable } from './run.js';
import { parseLang, UnknownLangError, type Lang } from '../../i18n/lang.js';
import { loadScenario } from '../../scenario/load.js';
import { intFlag, listFlag, parseCommandArgs, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { startProgress } from '../progress.js';
import { loadScenarioArg } from '../scenarioArg.js';

/** What `npm start` shows in the terminal: the article's figures beside the model's, and who pays. */
function terminalSummary(name: string, result: SimulationResult, targets: readonly Target[]): string {
  const checks = targetTable(checkTargets(targets, result));
  const { label: _l, metric: _m2, meanLow: _a, meanHigh: _b, ...shownChecks } = checks;
  const payers = PAYERS.map((a) => `cost.${a}`).filter((id) => result.metrics[id]);
  const cost = summaryTable({ ...result, metrics: Object.fromEntries(payers.map((id) => [id, result.metrics[id]!])) });
  const { metric: _m, unit: _u, sd: _sd, ...shownCost } = cost;
  return [
    `${name}: seed ${result.seed}, ${result.replications} replications`,
    '',
    'The article\'s figures and the model (pass = simulated mean in the target range):',
    tableToText(shownChecks),
    '',
    'What each payer contributes over the whole simulation (yuan; mean and 95% interval across replications):',
    tableToText(shownCost),
  ].join('\n');
}

function langFlag(value: string | undefined): Lang {
  try {
    return parseLang(value ?? 'zh');
  } catch (e) {
    if (e instanceof UnknownLangError) throw new UsageError(`--lang: ${e.message}`);
    throw e;
  }
}

/** `wuhou-sim report` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    compare: { type: 'string' },
    lang: { type: 'string' },
    out: { type: 'string' },
    reps: { type: 'string' },
    seed: { type: 'string' },
    set: { type: 'string', multiple: true },
    png: { type: 'string' },
    targets: { type: 'string' },
  });
  const lang = langFlag(stringFlag(args, 'lang'));
  if (args.positionals.length > 1) throw new UsageError(`report takes one scenario, got ${args.positionals.length}: ${args.positionals.join(' ')}`);
  const scenario = loadScenarioArg(args.positionals[0], listFlag(args, 'set'));
  const compare = stringFlag(args, 'compare');
  const reform = compare ? loadScenario(compare, { set: listFlag(args, 'set') }) : undefined;
  const seed = intFlag(stringFlag(args, 'seed'), '--seed', scenario.values.simulation.seed, -Number.MAX_SAFE_INTEGER);
  const replications = intFlag(stringFlag(args, 'reps'), '--reps', scenario.values.simulation.replications, 1, 100_000);
  const out = resolve(stringFlag(args, 'out') ?? 'out/report.html');
  const pngDir = stringFlag(args, 'png');
  const targetsFile = stringFlag(args, 'targets');
  const progress = await startProgress(reform ? 2 * replications : replications, 'replications');
  // Loaded on demand: the report code (and the plotly bundle it reads) stays off other commands' path.
  const { writeReport } = await import('../../report/write.js');
  const written = await writeReport(scenario, {
    lang,
    out,
    seed,
    replications,
    ...(reform ? { reform } : {}),
    ...(pngDir ? { pngDir: resolve(pngDir) } : {}),
    ...(targetsFile ? { targetsFile: resolve(targetsFile) } : {}),
    onReplication: (done) => progress.update(done),
  });
  progress.stop();
  process.stdout.write(terminalSummary(scenario.name, written.result, written.targets) + '\n\n');
  process.stdout.write(`wrote ${written.out} (${written.charts.length} charts, ${(Buffer.byteLength(written.html) / 1e6).toFixed(1)} MB)\n`);
  if (written.pngs.length) process.stdout.write(`wrote ${written.pngs.length} PNG files to ${resolve(pngDir!)}\n`);
  process.stdout.write(`open it in a browser: file://${written.out}\n`);
  return 0;
}
