import { formatNumber, type Table } from '../../core/table.js';
import type { SimulationResult } from '../../engine/simulate.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { MetricSpec } from '../../metrics/metric.js';
import { summarise } from '../../metrics/summary.js';
import type { ReportData } from '../collect.js';
import { tableHtml } from '../show.js';
import { costSection } from './cost.js';
import { escapeHtml } from '../html/escape.js';
import { SectionBuilder, type Section } from './section.js';

/**
 * Reform minus baseline for every metric both report. With the same seed and replication
 * count the runs share random streams, so the difference is taken replication by
 * replication (paired) and its interval is that of the paired differences.
 */
export function comparisonTable(base: SimulationResult, reform: SimulationResult, specs: readonly MetricSpec[], lang: Lang): Table {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const ids = Object.keys(base.metrics).filter((id) => reform.metrics[id]);
  const paired = base.seed === reform.seed && base.replications === reform.replications;
  const diff = ids.map((id) => {
    if (!paired) return undefined;
    const a = base.perReplication[id]!;
    const b = reform.perReplication[id]!;
    return summarise(b.map((v, i) => v - a[i]!));
  });
  return {
    metric: ids,
    [t('colMetric', lang)]: ids.map((id) => byId.get(id)?.[lang] ?? id),
    [t('colBaseline', lang)]: ids.map((id) => base.metrics[id]!.mean),
    [t('colReform', lang)]: ids.map((id) => reform.metrics[id]!.mean),
    [t('colDifference', lang)]: ids.map((id, i) => diff[i]?.mean ?? reform.metrics[id]!.mean - base.metrics[id]!.mean),
    [t('colInterval', lang)]: diff.map((d) => (d ? `${formatNumber(d.p025)} – ${formatNumber(d.p975)}` : '—')),
  };
}

/** The reform against the baseline: every metric's difference, and the reform's cost by payer. */
export function compareSection(base: ReportData, reform: ReportData, specs: readonly MetricSpec[], lang: Lang): Section {
  const cost = costSection(reform, lang, 'reform-');
  const s = new SectionBuilder('compare', t('sectionCompare', lang, { name: reform.scenario.name }), lang)
    .html(`<p><strong>${escapeHtml(reform.scenario.name)}</strong>: ${escapeHtml(reform.scenario.title)}</p>`)
    .html(tableHtml(comparisonTable(base.result, reform.result, specs, lang)))
    .html(`<h3>${escapeHtml(t('sectionCost', lang))} (${escapeHtml(t('colReform', lang))})</h3>`);
  s.html(cost.html);
  const built = s.build();
  return { ...built, charts: [...built.charts, ...cost.charts] };
}
