import type { Table } from '../../core/table.js';
import { flowLabel } from '../../i18n/labels.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, strings } from './common.js';

/**
 * The insurance waterfall: the cost households face at the start, then what each cover
 * layer pays, in waterfall order, and what is left to households at the end. Input: rows
 * `step` (a ledger flow name, labelled from the dictionary) and `yuan`; the first row is the
 * starting cost, every later row a layer's payment (a positive amount, drawn as a fall).
 */
export function insuranceWaterfallFigure(table: Table, lang: Lang): Figure {
  const name = 'insuranceWaterfallFigure';
  const steps = strings(table, 'step', name);
  const yuan = numbers(table, 'yuan', name);
  if (steps.length === 0) throw new Error(`${name}: the table has no rows (it needs the starting cost first)`);
  const remaining: number[] = [];
  let left = 0;
  yuan.forEach((v, i) => remaining.push((left = i === 0 ? v : left - v)));
  const labels = [...steps.map((s) => flowLabel(s, lang)), t('waterfallRemaining', lang)];
  const data = [
    {
      type: 'waterfall',
      orientation: 'v',
      x: labels,
      y: [...yuan.map((v, i) => (i === 0 ? v : -v)), left],
      measure: [...steps.map((_, i) => (i === 0 ? 'absolute' : 'relative')), 'total'],
      connector: { line: { color: '#999999', width: 1 } },
      decreasing: { marker: { color: '#2ca02c' } },
      increasing: { marker: { color: '#d62728' } },
      totals: { marker: { color: '#1f77b4' } },
      hovertemplate: `%{x}: %{y:,.0f} ${t('yuan', lang)}<extra></extra>`,
    },
  ];
  const layout = baseLayout(t('waterfallTitle', lang), { yaxis: { title: { text: t('amountAxis', lang) }, tickformat: ',.0f' }, showlegend: false });
  return {
    data,
    layout,
    table: { step: [...steps, 'remaining'], label: labels, yuan: [...yuan, left], remainingAfterStep: [...remaining, left] },
  };
}
