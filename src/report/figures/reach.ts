import type { Table } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t, type TextKey } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, strings } from './common.js';

const GROUP_TEXT: Record<string, TextKey> = { none: 'reachNone', one: 'reachOne', several: 'reachSeveral' };
const GROUP_COLOUR: Record<string, string> = { none: '#d62728', one: '#9aa5b1', several: '#2ca02c' };

/**
 * Households by how many programmes reached them. Input: rows `group` (none, one, several)
 * and `households` (mean count), optionally `p025` and `p975` for the 95% interval.
 */
export function reachFigure(table: Table, lang: Lang): Figure {
  const name = 'reachFigure';
  const groups = strings(table, 'group', name);
  const households = numbers(table, 'households', name);
  const labels = groups.map((g) => (GROUP_TEXT[g] ? t(GROUP_TEXT[g]!, lang) : g));
  const hasInterval = Boolean(table.p025 && table.p975);
  const p025 = hasInterval ? numbers(table, 'p025', name) : [];
  const p975 = hasInterval ? numbers(table, 'p975', name) : [];
  const data = [
    {
      type: 'bar',
      x: labels,
      y: households,
      marker: { color: groups.map((g) => GROUP_COLOUR[g] ?? '#1f77b4') },
      ...(hasInterval ? { error_y: { type: 'data', symmetric: false, array: p975.map((h, i) => h - households[i]!), arrayminus: p025.map((l, i) => households[i]! - l) } } : {}),
      hovertemplate: `%{x}: %{y:,.0f}<extra></extra>`,
    },
  ];
  const layout = baseLayout(t('reachTitle', lang), { yaxis: { title: { text: t('householdsAxis', lang) }, tickformat: ',.0f' }, showlegend: false });
  return { data, layout, table: hasInterval ? { group: groups, label: labels, households, p025, p975 } : { group: groups, label: labels, households } };
}
