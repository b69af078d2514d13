import type { Table } from '../../core/table.js';
import { categoryLabel } from '../../i18n/labels.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import { CATEGORIES } from '../../population/parameters.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers, orderedDistinct, PALETTE, strings } from './common.js';

export type DistributionStyle = 'box' | 'histogram';

/**
 * How much relief households received, one box (or histogram) per household category.
 * Input: one row per household with `category` (dibao, marginal, specialHardship, …) and
 * `benefitYuan`.
 */
export function benefitDistributionFigure(table: Table, lang: Lang, style: DistributionStyle = 'box'): Figure {
  const name = 'benefitDistributionFigure';
  const categories = strings(table, 'category', name);
  const benefit = numbers(table, 'benefitYuan', name);
  const order = orderedDistinct(categories, CATEGORIES);
  const data = order.map((c, k) => {
    const values = benefit.filter((_, i) => categories[i] === c);
    const common = { name: categoryLabel(c, lang), marker: { color: PALETTE[k % PALETTE.length] } };
    return style === 'box'
      ? { ...common, type: 'box', y: values, boxpoints: false, boxmean: true }
      : { ...common, type: 'histogram', x: values, opacity: 0.6 };
  });
  const layout =
    style === 'box'
      ? baseLayout(t('benefitTitle', lang), { yaxis: { title: { text: t('benefitAxis', lang) }, tickformat: ',.0f' }, showlegend: false })
      : baseLayout(t('benefitTitle', lang), {
          barmode: 'overlay',
          xaxis: { title: { text: t('benefitAxis', lang) }, tickformat: ',.0f' },
          yaxis: { title: { text: t('householdsAxis', lang) } },
          legend: { title: { text: t('category', lang) } },
        });
  return { data, layout, table: { category: categories, categoryLabel: categories.map((c) => categoryLabel(c, lang)), benefitYuan: benefit } };
}
