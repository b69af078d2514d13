import type { Table } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, PALETTE, strings } from './common.js';

/**
 * One-at-a-time sensitivity: for each parameter, the metric with the parameter at its low
 * and at its high value, as bars from the baseline, widest swing on top. Input: one row per
 * parameter with `parameter` (label), `low` and `high` (the metric's values).
 */
export function tornadoFigure(table: Table, baseline: number, metricLabel: string, lang: Lang): Figure {
  const name = 'tornadoFigure';
  if (!Number.isFinite(baseline)) throw new Error(`${name}: the baseline value is not a finite number (${baseline})`);
  const params = strings(table, 'parameter', name);
  const low = numbers(table, 'low', name);
  const high = numbers(table, 'high', name);
  const swing = low.map((l, i) => Math.abs(high[i]! - l));
  // plotly draws the first category at the bottom: smallest swing first puts the widest on top
  const order = params.map((_, i) => i).sort((a, b) => swing[a]! - swing[b]!);
  const y = order.map((i) => params[i]!);
  const bar = (values: number[], label: string, color: string): Record<string, unknown> => ({
    type: 'bar',
    orientation: 'h',
    name: label,
    y,
    x: order.map((i) => values[i]! - baseline),
    base: order.map(() => baseline),
    marker: { color },
    customdata: order.map((i) => values[i]!),
    hovertemplate: `%{y}<br>${label}: %{customdata:,.2f}<extra></extra>`,
  });
  const data = [bar(low, t('tornadoLow', lang), PALETTE[0]!), bar(high, t('tornadoHigh', lang), PALETTE[1]!)];
  const layout = baseLayout(t('tornadoTitle', lang, { metric: metricLabel }), {
    barmode: 'overlay',
    height: Math.max(300, 100 + 36 * params.length),
    xaxis: { title: { text: metricLabel } },
    yaxis: { automargin: true },
    shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: baseline, x1: baseline, y0: 0, y1: 1, line: { color: '#333333', width: 1 } }],
    annotations: [{ xref: 'x', yref: 'paper', x: baseline, y: 1, yanchor: 'bottom', showarrow: false, text: t('tornadoBase', lang) }],
  });
  return { data, layout, table: { parameter: params, low, high, baseline: params.map(() => baseline), swing } };
}
