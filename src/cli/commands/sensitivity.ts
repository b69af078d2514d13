import { join } from 'node:path';
import { UnknownMetricError, metricSpec } from '../../calibration/explain.js';
import { loadTargets } from '../../calibration/targets.js';
import { morris, screenedParameters, type MorrisResult } from '../../calibration/morris.js';
import { morrisTable, tornadoTable } from '../../calibration/sensitivityTables.js';
import { tornado, type TornadoResult } from '../../calibration/tornado.js';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { tableToCsv, tableToText } from '../../core/table.js';
import type { Scenario } from '../../scenario/load.js';
import { booleanFlag, intFlag, listFlag, parseCommandArgs, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { loadScenarioArg } from '../scenarioArg.js';

function parseDelta(text: string | undefined): number {
  if (text === undefined) return 0.1;
  const percent = text.trim().endsWith('%');
  const v = Number(percent ? text.trim().slice(0, -1) : text);
  const delta = percent ? v / 100 : v;
  if (!(delta > 0 && delta < 1)) throw new UsageError(`--delta: expected a share between 0 and 1 (or a percent such as 10%), got "${text}"`);
  return delta;
}

/** Writes the tornado chart as a self-contained HTML page; plotly is loaded only here. */
async function writeTornadoHtml(file: string, scenario: Scenario, result: TornadoResult, lang: 'en' | 'zh'): Promise<void> {
  const [{ tornadoFigure }, { chartHtml }, { pageHtml }, { plotlyBundle }, { escapeHtml }] = await Promise.all([
    import('../../report/figures/tornado.js'),
    import('../../report/chartHtml.js'),
    import('../../report/html/page.js'),
    import('../../report/plotlyBundle.js'),
    import('../../report/html/escape.js'),
  ]);
  const spec = metricSpec(result.metric);
  const figure = tornadoFigure({ parameter: result.rows.map((r) => r.path), low: result.rows.map((r) => r.low), high: result.rows.map((r) => r.high) }, result.baseline, `${spec[lang]} (${spec.unit})`, lang);
  const title = `${scenario.name}: ${result.metric} ±${Math.round(result.delta * 100)}%`;
  writeFileAtomic(file, pageHtml({ lang, title, body: `<h1>${escapeHtml(title)}</h1>\n${chartHtml(figure, 'tornado')}`, plotly: plotlyBundle() }));
  writeFileAtomic(file.replace(/\.html$/, '.json'), JSON.stringify({ data: figure.data, layout: figure.layout }) + '\n');
}

/** `wuhou-sim sensitivity` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    metric: { type: 'string', multiple: true },
    delta: { type: 'string' },
    reps: { type: 'string' },
    seed: { type: 'string' },
    trajectories: { type: 'string' },
    'no-morris': { type: 'boolean' },
    set: { type: 'string', multiple: true },
    lang: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
  });
  const metrics = listFlag(args, 'metric');
  if (metrics.length === 0) throw new UsageError('sensitivity needs --metric M (e.g. --metric supermarket.discountYuan)');
  try {
    for (const m of metrics) metricSpec(m);
  } catch (e) {
    if (e instanceof UnknownMetricError) throw new UsageError(`--metric: ${e.message}`);
    throw e;
  }
  const lang = stringFlag(args, 'lang') ?? 'en';
  if (lang !== 'en' && lang !== 'zh') throw new UsageError(`--lang: expected en or zh, got "${lang}"`);
  const delta = parseDelta(stringFlag(args, 'delta'));
  const scenario = loadScenarioArg(args.positionals[0], listFlag(args, 'set'));
  const seed = intFlag(stringFlag(args, 'seed'), '--seed', scenario.values.simulation.seed, -Number.MAX_SAFE_INTEGER);
  const replications = intFlag(stringFlag(args, 'reps'), '--reps', Math.min(5, scenario.values.simulation.replications), 1, 100_000);
  const trajectories = intFlag(stringFlag(args, 'trajectories'), '--trajectories', 6, 2, 1000);
  const tty = process.stderr.isTTY;
  const tornadoes = metrics.map((m) =>
    tornado(scenario, m, { delta, seed, replications, onEvaluation: (d, n) => tty && process.stderr.write(`\rtornado ${m}: ${d}/${n} parameters   `) }),
  );
  let screening: MorrisResult | undefined;
  let unscreened = '';
  if (!booleanFlag(args, 'no-morris') && screenedParameters(metrics).length === 0) unscreened = `no fittable parameter feeds ${metrics.join(', ')}: Morris screening skipped`;
  else if (!booleanFlag(args, 'no-morris')) {
    screening = morris(scenario, { metrics, seed, replications, trajectories, onEvaluation: (d, n) => tty && process.stderr.write(`\rMorris: ${d}/${n} runs   `) });
  }
  if (tty) process.stderr.write('\n');
  const targets = loadTargets();
  const out = stringFlag(args, 'out');
  if (out) {
    for (const t of tornadoes) {
      writeFileAtomic(join(out, `tornado-${t.metric}.csv`), tableToCsv(tornadoTable(t, lang)));
      await writeTornadoHtml(join(out, `tornado-${t.metric}.html`), scenario, t, lang);
    }
    if (screening) writeFileAtomic(join(out, 'morris.csv'), tableToCsv(morrisTable(screening, targets)));
  }
  if (booleanFlag(args, 'json')) {
    process.stdout.write(JSON.stringify({ scenario: scenario.name, seed, replications, delta, tornado: tornadoes, morris: screening ? { ...screening, parameters: screening.parameters.map((p) => p.path) } : null }) + '\n');
    return 0;
  }
  const parts: string[] = [`${scenario.name}: seed ${seed}, ${replications} replications per run, common random numbers`];
  for (const t of tornadoes) {
    parts.push(`\nTornado: ${t.metric} = ${t.baseline} at the scenario's values; each assumed parameter it depends on at ±${Math.round(delta * 100)}%, widest swing first`);
    const { label: _label, ...narrow } = tornadoTable(t, lang);
    parts.push(tableToText(narrow));
    if (t.skipped.length) parts.push(`skipped: ${t.skipped.map((s) => `${s.path} (${s.reason})`).join('; ')}`);
  }
  if (screening) {
    parts.push(`\nMorris screening over the ${screening.parameters.length} fittable parameters these metrics depend on (${screening.trajectories} trajectories, ${screening.levels} levels, ${screening.evaluations} runs); effects per full fit range; μ*/half-width = in half-widths of the target range`);
    parts.push(tableToText(morrisTable(screening, targets)));
  }
  if (unscreened) parts.push(`\n${unscreened}`);
  if (out) parts.push(`\nwrote tornado-*.csv, tornado-*.html (plotly), tornado-*.json${screening ? ', morris.csv' : ''} to ${out}`);
  process.stdout.write(parts.join('\n') + '\n');
  return 0;
}
