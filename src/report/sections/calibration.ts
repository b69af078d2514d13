import type { Target } from '../../calibration/targets.js';
import { formatNumber, type Table } from '../../core/table.js';
import type { SimulationResult } from '../../engine/simulate.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { MetricSpec } from '../../metrics/metric.js';
import { calibrationFigure } from '../figures/calibration.js';
import { escapeHtml } from '../html/escape.js';
import { SectionBuilder, type Section } from './section.js';

type Status = 'within' | 'outside' | 'missing';

/** Each target's status: the simulated mean inside the article's range, outside, or not reported. */
export function targetStatus(target: Target, result: SimulationResult): Status {
  const m = result.metrics[target.metric];
  if (!m) return 'missing';
  return m.mean >= target.low && m.mean <= target.high ? 'within' : 'outside';
}

const STATUS_KEY = { within: 'statusWithin', outside: 'statusOutside', missing: 'statusMissing' } as const;

/** The figure's input: targets the model reports, with the simulated mean and interval. */
export function calibrationTable(targets: readonly Target[], result: SimulationResult, specs: readonly MetricSpec[], lang: Lang): Table {
  const byId = new Map(specs.map((s) => [s.id, s]));
  const reported = targets.filter((tg) => result.metrics[tg.metric]);
  const m = (tg: Target) => result.metrics[tg.metric]!;
  return {
    target: reported.map((tg) => tg.id),
    label: reported.map((tg) => byId.get(tg.metric)?.[lang] ?? tg.id),
    low: reported.map((tg) => tg.low),
    high: reported.map((tg) => tg.high),
    mean: reported.map((tg) => m(tg).mean),
    p025: reported.map((tg) => m(tg).p025),
    p975: reported.map((tg) => m(tg).p975),
  };
}

function range(low: number, high: number): string {
  return low === high ? formatNumber(low) : `${formatNumber(low)} – ${formatNumber(high)}`;
}

/** Target ranges from the article against the simulated results: a table with status, and the chart. */
export function calibrationSection(targets: readonly Target[], result: SimulationResult, specs: readonly MetricSpec[], lang: Lang): Section {
  const statuses = targets.map((tg) => targetStatus(tg, result));
  const byId = new Map(specs.map((s) => [s.id, s]));
  const rows = targets.map((tg, i) => {
    const m = result.metrics[tg.metric];
    const label = byId.get(tg.metric)?.[lang];
    const cells = [
      escapeHtml(tg.id),
      label ? `${escapeHtml(label)}<br><code>${escapeHtml(tg.metric)}</code>` : `<code>${escapeHtml(tg.metric)}</code>`,
      escapeHtml(`${range(tg.low, tg.high)} ${tg.unit}`),
      m ? escapeHtml(formatNumber(m.mean)) : '—',
      m ? escapeHtml(range(m.p025, m.p975)) : '—',
      `<span class="status status-${statuses[i]}">${escapeHtml(t(STATUS_KEY[statuses[i]!], lang))}</span>`,
      escapeHtml(tg.quote),
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  const head = ['colTarget', 'colMetric', 'colTargetRange', 'colMean', 'colInterval', 'colStatus', 'colQuote'] as const;
  const within = statuses.filter((s) => s === 'within').length;
  const section = new SectionBuilder('calibration', t('sectionCalibration', lang), lang)
    .text(t('calibrationSummary', lang, { within, total: targets.length }))
    .html(`<table class="wuhou-table" id="calibration-table"><thead><tr>${head.map((k) => `<th>${escapeHtml(t(k, lang))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`);
  const table = calibrationTable(targets, result, specs, lang);
  if ((table.target?.length ?? 0) > 0) section.chart({ slug: 'calibration', figure: calibrationFigure(table, lang) });
  return section.build();
}
