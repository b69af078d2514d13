import type { Table } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, PALETTE, strings } from './common.js';

/** Percent of a reference; a zero reference keeps the raw value, so nothing divides by zero. */
function percentOf(value: number, reference: number): number {
  return reference === 0 ? value : (value / reference) * 100;
}

/**
 * The article's target ranges against the simulated means and 95% intervals, every target
 * on one scale: percent of its range midpoint (targets differ by six orders of magnitude).
 * Input: one row per target with `target` (id), optional `label`, `low`, `high`, `mean`,
 * `p025`, `p975`. Simulated markers are green inside the target range, red outside.
 */
export function calibrationFigure(table: Table, lang: Lang): Figure {
  const name = 'calibrationFigure';
  const ids = strings(table, 'target', name);
  const labels = table.label ? strings(table, 'label', name) : ids;
  const low = numbers(table, 'low', name);
  const high = numbers(table, 'high', name);
  const mean = numbers(table, 'mean', name);
  const p025 = numbers(table, 'p025', name);
  const p975 = numbers(table, 'p975', name);
  const mid = low.map((l, i) => (l + high[i]!) / 2);
  const pct = (v: number[]): number[] => v.map((x, i) => percentOf(x, mid[i]!));
  const inRange = mean.map((m, i) => m >= low[i]! && m <= high[i]!);
  const meanPct = pct(mean);
  const data = [
    {
      type: 'scatter',
      mode: 'markers',
      name: t('calibrationTarget', lang),
      y: labels,
      x: mid.map((m) => percentOf(m, m)),
      error_x: { type: 'data', symmetric: false, array: pct(high).map((h, i) => h - percentOf(mid[i]!, mid[i]!)), arrayminus: pct(low).map((l, i) => percentOf(mid[i]!, mid[i]!) - l), thickness: 8, width: 0, color: 'rgba(31,119,180,0.35)' },
      marker: { symbol: 'line-ns-open', size: 16, color: PALETTE[0] },
      hovertemplate: '%{y}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: t('calibrationSimulated', lang),
      y: labels,
      x: meanPct,
      error_x: { type: 'data', symmetric: false, array: pct(p975).map((h, i) => h - meanPct[i]!), arrayminus: pct(p025).map((l, i) => meanPct[i]! - l), thickness: 1.5, width: 5, color: '#333333' },
      marker: { size: 10, color: inRange.map((ok) => (ok ? PALETTE[2] : PALETTE[3])) },
      text: mean.map((m) => m.toLocaleString('en-US', { maximumFractionDigits: 2 })),
      hovertemplate: '%{y}: %{text} (%{x:.1f}%)<extra></extra>',
    },
  ];
  const layout = baseLayout(t('calibrationTitle', lang), {
    height: Math.max(300, 90 + 38 * ids.length),
    xaxis: { title: { text: t('calibrationAxis', lang) }, zeroline: false },
    yaxis: { automargin: true, autorange: 'reversed' },
    shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: 100, x1: 100, y0: 0, y1: 1, line: { color: '#999999', dash: 'dot', width: 1 } }],
    legend: { orientation: 'h', y: -0.2 },
  });
  return { data, layout, table: { target: ids, label: labels, low, high, mean, p025, p975, withinTarget: inRange } };
}
