import { PROGRAMMES } from '../../core/accounts.js';
import type { Table } from '../../core/table.js';
import { accountLabel, programmeLabel } from '../../i18n/labels.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import { PAYERS } from '../../metrics/engineMetrics.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, orderedDistinct, PALETTE, strings } from './common.js';

/**
 * Stacked bars of what each payer spends, one colour per programme.
 * Input: one row per payer and programme with columns `payer` (account id), `programme`
 * (programme id) and `yuan` (net spending; negative when the payer gains, e.g. an insurer
 * whose premiums exceed its claims: those stack below zero).
 */
export function costByPayerFigure(table: Table, lang: Lang): Figure {
  const name = 'costByPayerFigure';
  const payers = strings(table, 'payer', name);
  const programmes = strings(table, 'programme', name);
  const yuan = numbers(table, 'yuan', name);
  const payerOrder = orderedDistinct(payers, PAYERS);
  const programmeOrder = orderedDistinct(programmes, PROGRAMMES);
  const data = programmeOrder.map((p, k) => {
    const y = payerOrder.map(() => 0);
    for (let i = 0; i < yuan.length; i++) if (programmes[i] === p) y[payerOrder.indexOf(payers[i]!)]! += yuan[i]!;
    return {
      type: 'bar',
      name: programmeLabel(p, lang),
      x: payerOrder.map((a) => accountLabel(a, lang)),
      y,
      marker: { color: PALETTE[k % PALETTE.length] },
      hovertemplate: `%{x}<br>${programmeLabel(p, lang)}: %{y:,.0f} ${t('yuan', lang)}<extra></extra>`,
    };
  });
  const layout = baseLayout(t('costByPayerTitle', lang), {
    barmode: 'relative',
    xaxis: { title: { text: t('payer', lang) } },
    yaxis: { title: { text: t('costAxis', lang) }, tickformat: ',.0f' },
    legend: { title: { text: t('programme', lang) } },
  });
  return {
    data,
    layout,
    table: {
      payer: payers,
      payerLabel: payers.map((a) => accountLabel(a, lang)),
      programme: programmes,
      programmeLabel: programmes.map((p) => programmeLabel(p, lang)),
      yuan,
    },
  };
}
