import { ACCOUNTS } from '../../core/accounts.js';
import type { Table } from '../../core/table.js';
import { accountLabel, flowLabel } from '../../i18n/labels.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, strings } from './common.js';

/** Node id of the money the association still holds (raised but not yet paid out). */
export const HELD_NODE = 'held';

/**
 * A node's label: an account, the held balance, or a flow (donor type, need type). Flow
 * nodes may carry a `from:` or `to:` prefix, which keeps a flow name used on both sides of
 * the association from becoming one node (a cycle plotly cannot draw).
 */
function nodeLabel(id: string, lang: Lang): string {
  if (id === HELD_NODE) return t('sankeyHeld', lang);
  if ((ACCOUNTS as readonly string[]).includes(id)) return accountLabel(id, lang);
  return flowLabel(id.replace(/^(from|to):/, ''), lang);
}

/**
 * The pairing platform's money as a Sankey diagram, e.g. donor types → charity association
 * → need types. Input: one row per link with `source`, `target` (account ids, flow names or
 * `held`) and `yuan`. Links of zero or negative yuan are left out (plotly cannot draw them).
 */
export function pairingSankeyFigure(table: Table, lang: Lang): Figure {
  const name = 'pairingSankeyFigure';
  const source = strings(table, 'source', name);
  const target = strings(table, 'target', name);
  const yuan = numbers(table, 'yuan', name);
  const keep = yuan.map((v) => v > 0);
  const nodes = [...new Set(source.flatMap((s, i) => (keep[i] ? [s, target[i]!] : [])))];
  const index = (id: string): number => nodes.indexOf(id);
  const link = { source: [] as number[], target: [] as number[], value: [] as number[] };
  for (let i = 0; i < yuan.length; i++) {
    if (!keep[i]) continue;
    link.source.push(index(source[i]!));
    link.target.push(index(target[i]!));
    link.value.push(yuan[i]!);
  }
  const data = [
    {
      type: 'sankey',
      arrangement: 'snap',
      valueformat: ',.0f',
      valuesuffix: ` ${t('yuan', lang)}`,
      node: { label: nodes.map((n) => nodeLabel(n, lang)), pad: 18, thickness: 16 },
      link,
    },
  ];
  return {
    data,
    layout: baseLayout(t('sankeyTitle', lang)),
    table: { source, sourceLabel: source.map((s) => nodeLabel(s, lang)), target, targetLabel: target.map((s) => nodeLabel(s, lang)), yuan },
  };
}
