import type { ProgrammeId } from '../../core/accounts.js';
import type { Table } from '../../core/table.js';
import { formatNumber } from '../../core/table.js';
import { enrolmentBit } from '../../engine/outcomes.js';
import type { ProgrammeModule } from '../../engine/programme.js';
import { programmeLabel } from '../../i18n/labels.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { MetricSpec } from '../../metrics/metric.js';
import type { ReportData } from '../collect.js';
import { benefitDistributionFigure } from '../figures/benefitDistribution.js';
import { claimsDistributionFigure } from '../figures/claimsDistribution.js';
import { insuranceWaterfallFigure } from '../figures/insuranceWaterfall.js';
import { pairingSankeyFigure } from '../figures/pairingSankey.js';
import { tableHtml } from '../show.js';
import { claimsTable, insuranceWaterfallTable, pairingFlowsTable, programmeMetricsTable } from '../tables.js';
import { SectionBuilder, type Section } from './section.js';

/** Metrics as a readable table: label, unit, mean, interval. */
export function metricsHtml(table: Table, lang: Lang): string {
  const n = table.metric?.length ?? 0;
  return tableHtml({
    [t('colMetric', lang)]: table.label ?? [],
    [t('colUnit', lang)]: table.unit ?? [],
    [t('colMean', lang)]: table.mean ?? [],
    [t('colInterval', lang)]: Array.from({ length: n }, (_, i) => `${formatNumber(Number(table.p025![i]))} – ${formatNumber(Number(table.p975![i]))}`),
  });
}

/** Relief per household among the programme's participants in the first replication. */
function enrolledBenefit(data: ReportData, programme: ProgrammeId): Table {
  const bit = enrolmentBit(programme);
  const category: string[] = [];
  const benefitYuan: number[] = [];
  const enrolled = data.households.enrolled ?? [];
  const values = data.households[programme] ?? [];
  for (let h = 0; h < enrolled.length; h++) {
    if ((Number(enrolled[h]) & bit) === 0) continue;
    category.push(String(data.households.category![h]));
    benefitYuan.push(Number(values[h]));
  }
  return { category, benefitYuan };
}

/**
 * One section per programme: whatever metrics it reports, the relief per participating
 * household by category, and its own charts when its data are there (insurance waterfall and
 * claims against premium; pairing Sankey).
 */
export function programmeSection(module: ProgrammeModule, data: ReportData, specs: readonly MetricSpec[], lang: Lang): Section {
  const p = module.id;
  const s = new SectionBuilder(`programme-${p}`, programmeLabel(p, lang), lang);
  const metrics = programmeMetricsTable(data.result, p, specs, lang);
  if ((metrics.metric?.length ?? 0) === 0) s.text(t('programmeNoMetrics', lang), 'note');
  else s.html(metricsHtml(metrics, lang));
  const benefit = enrolledBenefit(data, p);
  if (benefit.benefitYuan!.length > 0) s.chart({ slug: `${p}-benefit`, figure: benefitDistributionFigure(benefit, lang) }, t('enrolledBenefitNote', lang));
  if (p === 'insurance') {
    const steps = insuranceWaterfallTable(data.ledger);
    if (steps.step!.length > 0) s.chart({ slug: 'insurance-waterfall', figure: insuranceWaterfallFigure(steps, lang) });
    const claims = claimsTable(data.result);
    if (claims) s.chart({ slug: 'insurance-claims', figure: claimsDistributionFigure(claims, lang) });
  }
  if (p === 'pairing') {
    const flows = pairingFlowsTable(data.ledger);
    if (flows.source!.length > 0) s.chart({ slug: 'pairing-sankey', figure: pairingSankeyFigure(flows, lang) });
  }
  return s.build();
}
