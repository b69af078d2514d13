import type { Table } from '../../core/table.js';
import { formatNumber } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, PALETTE } from './common.js';

/** Share of rows where claims exceed that row's premium; 0 rows give 0, not NaN. */
export function shareClaimsExceedPremium(claims: readonly number[], premium: readonly number[]): number {
  if (claims.length === 0) return 0;
  let n = 0;
  for (let i = 0; i < claims.length; i++) if (claims[i]! > premium[i]!) n++;
  return n / claims.length;
}

/**
 * The insurer's claims paid across replications as a histogram, with the premium marked by
 * a vertical line and the share of replications in which claims exceeded it in the title.
 * Input: one row per replication with `claimsPaidYuan` and `premiumYuan` (the metrics
 * insurance.claimsPaidYuan and insurance.premiumYuan).
 */
export function claimsDistributionFigure(table: Table, lang: Lang): Figure {
  const name = 'claimsDistributionFigure';
  const claims = numbers(table, 'claimsPaidYuan', name);
  const premium = numbers(table, 'premiumYuan', name);
  const meanPremium = premium.length ? premium.reduce((a, b) => a + b, 0) / premium.length : 0;
  const exceed = shareClaimsExceedPremium(claims, premium);
  const title = `${t('claimsTitle', lang)}<br><sub>${t('claimsExceedShare', lang, { value: claims.length ? `${(exceed * 100).toFixed(1)}%` : '—' })}</sub>`;
  // An explicit range keeps the premium and every bar in view (plotly's autorange can drop a
  // lone bar when a shape widens the axis).
  const lo = Math.min(meanPremium, ...claims);
  const hi = Math.max(meanPremium, ...claims);
  const pad = hi > lo ? 0.08 * (hi - lo) : Math.max(1, 0.05 * Math.abs(hi));
  const bins = Math.min(40, Math.max(10, 2 * Math.ceil(Math.sqrt(claims.length))));
  const data = [
    {
      type: 'histogram',
      name: t('claimsAxis', lang),
      x: claims,
      // explicit bins over the shown range: plotly's automatic bins vanish for a single value
      xbins: { start: lo - pad, end: hi + pad, size: (hi - lo + 2 * pad) / bins },
      marker: { color: PALETTE[0] },
      hovertemplate: `%{x}<br>${t('replicationsAxis', lang)}: %{y}<extra></extra>`,
    },
  ];
  const layout = baseLayout(title, {
    margin: { l: 70, r: 30, t: 80, b: 60 },
    bargap: 0.05,
    showlegend: false,
    xaxis: { title: { text: t('claimsAxis', lang) }, tickformat: ',.0f', range: [lo - pad, hi + pad] },
    yaxis: { title: { text: t('replicationsAxis', lang) } },
    shapes: [{ type: 'line', xref: 'x', yref: 'paper', x0: meanPremium, x1: meanPremium, y0: 0, y1: 1, line: { color: PALETTE[3], width: 2, dash: 'dash' } }],
    annotations: [{ xref: 'x', yref: 'paper', x: meanPremium, y: 1, yanchor: 'bottom', showarrow: false, text: t('premiumMark', lang, { value: formatNumber(meanPremium) }), font: { color: PALETTE[3] } }],
  });
  return {
    data,
    layout,
    table: { replication: claims.map((_, i) => i), claimsPaidYuan: claims, premiumYuan: premium, claimsExceedPremium: claims.map((c, i) => c > premium[i]!) },
  };
}
