import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { ReportData } from '../collect.js';
import { benefitDistributionFigure } from '../figures/benefitDistribution.js';
import { reachFigure } from '../figures/reach.js';
import { reachTable } from '../tables.js';
import { SectionBuilder, type Section } from './section.js';

/** Households reached by none, one or several programmes, and everyone's relief by category. */
export function reachSection(data: ReportData, lang: Lang): Section {
  return new SectionBuilder('reach', t('sectionReach', lang), lang)
    .chart({ slug: 'reach', figure: reachFigure(reachTable(data.result), lang) })
    .chart(
      { slug: 'benefit-by-category', figure: benefitDistributionFigure({ category: data.households.category ?? [], benefitYuan: data.households.total ?? [] }, lang) },
      t('allBenefitNote', lang),
    )
    .build();
}
