import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { tableToCsv, tableToText, type Table } from '../../core/table.js';
import { expectedEvaluations, runFrontier, type FrontierResult } from '../../engine/frontier/run.js';
import { loadFrontierFile } from '../../engine/frontier/spec.js';
import { evaluatedTable, frontierJson, frontierTable } from '../../engine/frontier/table.js';
import { parseLang, type Lang } from '../../i18n/lang.js';
import { chartHtml, plotlyScriptTag } from '../../report/chartHtml.js';
import type { Figure } from '../../report/figure.js';
import { frontierFigure } from '../../report/figures/frontier.js';
import { escapeHtml } from '../../report/html/escape.js';
import { plotlyBundle } from '../../report/plotlyBundle.js';
import { booleanFlag, parseCommandArgs, stringFlag } from '../args.js';
import { UsageError } from '../errors.js';
import { startProgress } from '../progress.js';
import { workersFlag } from './sweep.js';

/**
 * The frontier chart: every policy evaluated within budget and the efficient frontier
 * through them (the report's frontier figure), plus the frontier's 2.5–97.5% outcome
 * spread, the base scenario's own policy as a star, and the budget as a dashed line.
 */
export function frontierChart(result: FrontierResult, lang: Lang = 'zh'): Figure {
  const { plan } = result;
  const within = result.points.filter((p) => p.cost.mean <= plan.budget);
  const table: Table = {
    policy: within.map((p) => Object.entries(p.levers).map(([k, v]) => `${k} = ${Number.isInteger(v) ? v : v.toPrecision(4)}`).join('<br>')),
    cost: within.map((p) => p.cost.mean),
    outcome: within.map((p) => p.outcome.mean),
  };
  const costLabel = lang === 'zh' ? '成本(元)' : 'Cost (yuan)';
  const figure = frontierFigure(table, { cost: 'cost', outcome: 'outcome', label: 'policy', costLabel, outcomeLabel: plan.outcomeLabel[lang] }, lang);
  const line = figure.data[1]!;
  line.error_y = {
    type: 'data',
    symmetric: false,
    array: result.frontier.map((p) => p.outcome.p975 - p.outcome.mean),
    arrayminus: result.frontier.map((p) => p.outcome.mean - p.outcome.p025),
    thickness: 1,
  };
  if (result.current) {
    figure.data.push({
      type: 'scatter',
      mode: 'markers',
      name: lang === 'zh' ? '现行方案' : 'Current policy',
      x: [result.current.cost.mean],
      y: [result.current.outcome.mean],
      marker: { symbol: 'star', size: 15, color: '#2c3e50' },
    });
  }
  figure.layout.shapes = [{ type: 'line', xref: 'x', yref: 'paper', x0: plan.budget, x1: plan.budget, y0: 0, y1: 1, line: { dash: 'dash', color: '#7f7f7f' } }];
  figure.layout.annotations = [{ x: plan.budget, xref: 'x', y: 1, yref: 'paper', text: `${lang === 'zh' ? '预算' : 'budget'} ${plan.budget.toLocaleString('en-US')}`, showarrow: false, xanchor: 'right', yanchor: 'bottom' }];
  return figure;
}

/** A self-contained HTML page with the chart (plotly inlined, no network). */
function chartPage(figure: Figure, title: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>${plotlyScriptTag(plotlyBundle())}</head><body>${chartHtml(figure, 'frontier')}</body></html>\n`;
}

/** `wuhou-sim frontier` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, { workers: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, lang: { type: 'string' } });
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) throw new UsageError('frontier: name one frontier file (frontier <file>)');
  const workers = workersFlag(stringFlag(args, 'workers'));
  let lang: Lang;
  try {
    lang = parseLang(stringFlag(args, 'lang') ?? 'zh');
  } catch (e) {
    throw new UsageError(`--lang: ${(e as Error).message}`);
  }
  const out = stringFlag(args, 'out');
  const plan = loadFrontierFile(file);
  const total = expectedEvaluations(plan);
  const progress = await startProgress(total, 'policies');
  let result: FrontierResult;
  try {
    result = await runFrontier(plan, { workers, onProgress: (done) => progress.update(Math.min(done, total)) });
  } finally {
    progress.stop();
  }
  const frontier = frontierTable(result);
  if (out) {
    writeFileAtomic(join(out, 'frontier.csv'), tableToCsv(frontier));
    writeFileAtomic(join(out, 'evaluated.csv'), tableToCsv(evaluatedTable(result)));
    const figure = frontierChart(result, lang);
    writeFileAtomic(join(out, 'frontier-chart.json'), JSON.stringify({ data: figure.data, layout: figure.layout }) + '\n');
    writeFileAtomic(join(out, 'frontier.html'), chartPage(figure, `${plan.name}: budget frontier`));
  }
  if (booleanFlag(args, 'json')) {
    process.stdout.write(JSON.stringify(frontierJson(result)) + '\n');
    return 0;
  }
  process.stdout.write(`${plan.name}: budget ${plan.budget.toLocaleString('en-US')} yuan, ${result.points.length} policies evaluated × ${plan.replications} replications (seed ${plan.seed})\nmethod: ${result.method}\n\n`);
  process.stdout.write(`${tableToText(frontier)}\n`);
  if (result.current) process.stdout.write(`\ncurrent policy (${Object.entries(result.current.levers).map(([k, v]) => `${k}=${v}`).join(', ')}): cost ${result.current.cost.mean.toLocaleString('en-US')}, outcome ${result.current.outcome.mean.toLocaleString('en-US')}\n`);
  if (out) process.stdout.write(`\nwrote ${['frontier.csv', 'evaluated.csv', 'frontier-chart.json', 'frontier.html'].map((f) => join(out, f)).join(', ')}\n`);
  return 0;
}
