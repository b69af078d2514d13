import { PROGRAMMES, PUBLIC_ACCOUNTS } from '../../core/accounts.js';
import { formatNumber } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import { PAYERS } from '../../metrics/engineMetrics.js';
import type { ReportData } from '../collect.js';
import { costByPayerFigure } from '../figures/costByPayer.js';
import { tableHtml } from '../show.js';
import { costByPayerTable } from '../tables.js';
import { SectionBuilder, type Section } from './section.js';

export interface Leverage {
  publicYuan: number;
  socialYuan: number;
  reliefYuan: number;
  /** Social money per yuan of public money; undefined when there is no public spending. */
  socialPerPublic?: number;
  reliefPerPublic?: number;
}

/**
 * The leverage ("杠杆效应") of public money: what the other payers put in, and what households
 * receive, per yuan the district budget spends. Payers' amounts are those of the chart
 * (costByPayerTable), summed over programmes.
 */
export function leverage(data: ReportData): Leverage {
  const table = costByPayerTable(data.ledger);
  const cost = (a: string): number => (table.payer ?? []).reduce<number>((s, p, i) => (p === a ? s + Number(table.yuan![i]) : s), 0);
  const publicYuan = PUBLIC_ACCOUNTS.reduce((s, a) => s + cost(a), 0);
  const socialYuan = PAYERS.filter((a) => !PUBLIC_ACCOUNTS.includes(a)).reduce((s, a) => s + cost(a), 0);
  const reliefYuan = PROGRAMMES.reduce((s, p) => s + data.benefitYuan[p], 0);
  return publicYuan > 0 ? { publicYuan, socialYuan, reliefYuan, socialPerPublic: socialYuan / publicYuan, reliefPerPublic: reliefYuan / publicYuan } : { publicYuan, socialYuan, reliefYuan };
}

/** Cost by payer (chart) and leverage (table). */
export function costSection(data: ReportData, lang: Lang, slugPrefix = ''): Section {
  const lev = leverage(data);
  const ratio = (v: number | undefined): string => (v === undefined ? t('leverageUndefined', lang) : formatNumber(v));
  const levTable = {
    [t('leverageTitle', lang)]: [t('leveragePublic', lang), t('leverageSocial', lang), t('leverageRatio', lang), t('leverageRelief', lang), t('leverageReliefRatio', lang)],
    [t('colValue', lang)]: [formatNumber(lev.publicYuan), formatNumber(lev.socialYuan), ratio(lev.socialPerPublic), formatNumber(lev.reliefYuan), ratio(lev.reliefPerPublic)],
  };
  return new SectionBuilder(`${slugPrefix}cost`, t('sectionCost', lang), lang)
    .chart({ slug: `${slugPrefix}cost-by-payer`, figure: costByPayerFigure(costByPayerTable(data.ledger), lang) }, t('costNote', lang))
    .html(tableHtml(levTable))
    .build();
}
