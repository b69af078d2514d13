import type { Table } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, PALETTE, strings } from './common.js';

export interface FrontierAxes {
  /** Column with each candidate's cost (lower is better). */
  cost: string;
  /** Column with each candidate's outcome (higher is better). */
  outcome: string;
  /** Optional column naming each candidate (shown on hover). */
  label?: string;
  costLabel?: string;
  outcomeLabel?: string;
}

/**
 * Indices of the candidates no other candidate beats: none costs at most as much and
 * achieves strictly more, or costs strictly less and achieves at least as much. Sorted by cost.
 */
export function paretoFrontier(cost: readonly number[], outcome: readonly number[]): number[] {
  const order = cost.map((_, i) => i).sort((a, b) => cost[a]! - cost[b]! || outcome[b]! - outcome[a]!);
  const front: number[] = [];
  let best = -Infinity;
  for (const i of order) {
    if (outcome[i]! > best) {
      front.push(i);
      best = outcome[i]!;
    }
  }
  return front;
}

/**
 * Candidate policies as points (cost, outcome) with the efficient frontier drawn through
 * the undominated ones. Input: one row per candidate.
 */
export function frontierFigure(table: Table, axes: FrontierAxes, lang: Lang): Figure {
  const name = 'frontierFigure';
  const cost = numbers(table, axes.cost, name);
  const outcome = numbers(table, axes.outcome, name);
  const labels = axes.label ? strings(table, axes.label, name) : cost.map((_, i) => `#${i + 1}`);
  const front = paretoFrontier(cost, outcome);
  const onFront = cost.map(() => false);
  for (const i of front) onFront[i] = true;
  const costLabel = axes.costLabel ?? axes.cost;
  const outcomeLabel = axes.outcomeLabel ?? axes.outcome;
  const hover = `%{text}<br>${costLabel}: %{x:,.0f}<br>${outcomeLabel}: %{y:,.2f}<extra></extra>`;
  const data = [
    { type: 'scatter', mode: 'markers', name: t('frontierCandidates', lang), x: cost, y: outcome, text: labels, marker: { color: '#9aa5b1', size: 7 }, hovertemplate: hover },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: t('frontierLine', lang),
      x: front.map((i) => cost[i]!),
      y: front.map((i) => outcome[i]!),
      text: front.map((i) => labels[i]!),
      line: { color: PALETTE[3], width: 2, shape: 'hv' },
      marker: { color: PALETTE[3], size: 9 },
      hovertemplate: hover,
    },
  ];
  const layout = baseLayout(t('frontierTitle', lang), {
    xaxis: { title: { text: costLabel }, tickformat: ',.0f' },
    yaxis: { title: { text: outcomeLabel } },
  });
  return { data, layout, table: { candidate: labels, [axes.cost]: cost, [axes.outcome]: outcome, onFrontier: onFront } };
}
