import { chartHtml } from '../chartHtml.js';
import { figureToCsv, type Figure } from '../figure.js';
import { escapeHtml } from './escape.js';

/** A chart in the report: a stable slug (file names, element ids) and its figure. */
export interface ReportChart {
  readonly slug: string;
  readonly figure: Figure;
}

/** Element id of a chart's container in the report. */
export function chartElementId(slug: string): string {
  return `chart-${slug}`;
}

/**
 * A chart with a link to its data as CSV, carried inside the file as a data: URI so that it
 * works offline. The byte-order mark lets spreadsheet programs read the Chinese labels.
 */
export function chartBlockHtml(chart: ReportChart, linkText: string, note = ''): string {
  const csv = '\ufeff' + figureToCsv(chart.figure);
  // base64 keeps Chinese labels at 4 bytes per character (percent-encoding would take 9)
  const href = `data:text/csv;charset=utf-8;base64,${Buffer.from(csv, 'utf8').toString('base64')}`;
  return `<figure class="chart-block" id="figure-${escapeHtml(chart.slug)}">
${chartHtml(chart.figure, chartElementId(chart.slug))}
<figcaption>${note ? `${escapeHtml(note)} · ` : ''}<a download="${escapeHtml(chart.slug)}.csv" href="${escapeHtml(href)}">${escapeHtml(linkText)}</a></figcaption>
</figure>`;
}
