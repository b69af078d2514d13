import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import { formatNumber, tableRows, type Table } from '../core/table.js';
import { chartHtml, plotlyScriptTag } from './chartHtml.js';
import type { PlotlySpec } from './figure.js';
import { escapeHtml } from './html/escape.js';
import { plotlyBundle } from './plotlyBundle.js';

/** Where notebook HTML goes: tslab's `display.html` in a kernel, anything in tests. */
export type HtmlSink = (html: string) => void;

/** Set once plotly.js has been sent to this kernel session (global: survives module reloads). */
const EMBEDDED = Symbol.for('wuhou-sim.report.plotlyEmbedded');
type FlagHolder = { [EMBEDDED]?: boolean };

/**
 * The display of the tslab instance that runs this kernel. Its module is found in Node's
 * require cache (the kernel loaded it), so the output reaches the live session even when
 * the notebook's imports resolve another copy; else the package's own tslab is used.
 */
function tslabSink(): HtmlSink {
  const req = createRequire(join(packageRoot(), 'package.json'));
  const kernelModule = Object.keys(req.cache).find((k) => /[\\/]tslab[\\/]dist[\\/]jupyter\.js$/.test(k));
  let tslab: { display?: { html(s: string): void } };
  try {
    tslab = kernelModule ? createRequire(kernelModule)('./public.js') : req('tslab');
  } catch {
    throw new Error('show() runs inside a tslab notebook kernel; outside one, use the report command or chartHtml()');
  }
  const display = tslab.display;
  if (!display) throw new Error('show(): tslab has no display API');
  return (html) => display.html(html);
}

/** Unique container ids, so charts from earlier kernel sessions in the same page never collide. */
function newChartId(): string {
  return `wuhou-chart-${randomBytes(6).toString('hex')}`;
}

/**
 * Makes a `show` function writing to `sink`. The first chart also carries the plotly.js
 * bundle (read from node_modules, never a CDN); later charts only a div and a short script.
 * `state` says whether the bundle was already sent.
 */
export function createShow(sink: HtmlSink, state: FlagHolder = {}): (figure: PlotlySpec) => void {
  return (figure) => {
    const first = !state[EMBEDDED];
    const html = (first ? plotlyScriptTag(plotlyBundle()) + '\n' : '') + chartHtml(figure, newChartId());
    sink(html);
    state[EMBEDDED] = true;
  };
}

/**
 * Displays a plotly figure (`{data, layout}`, e.g. from src/report/figures) in a tslab
 * notebook. plotly.js is embedded once per kernel session, so a notebook stays small and
 * renders offline, also after `jupyter nbconvert --to html`.
 */
export function show(figure: PlotlySpec): void {
  createShow(tslabSink(), globalThis as FlagHolder)(figure);
}

/** A table as an HTML <table>: numbers right-aligned and formatted, all text escaped. */
export function tableHtml(table: Table, caption?: string): string {
  const cols = Object.keys(table);
  const rows = tableRows(table);
  const numeric = cols.map((c) => table[c]!.every((v) => typeof v === 'number'));
  const head = cols.map((c, i) => `<th style="text-align:${numeric[i] ? 'right' : 'left'}">${escapeHtml(c)}</th>`).join('');
  const body: string[] = [];
  for (let r = 0; r < rows; r++) {
    const cells = cols.map((c, i) => {
      const v = table[c]![r]!;
      const text = typeof v === 'number' ? formatNumber(v) : String(v);
      return `<td style="text-align:${numeric[i] ? 'right' : 'left'}">${escapeHtml(text)}</td>`;
    });
    body.push(`<tr>${cells.join('')}</tr>`);
  }
  const cap = caption ? `<caption>${escapeHtml(caption)}</caption>` : '';
  return `<table class="wuhou-table">${cap}<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`;
}

/** Displays a Table as an HTML table in a tslab notebook. */
export function showTable(table: Table, caption?: string): void {
  tslabSink()(tableHtml(table, caption));
}
