import type { Target } from '../calibration/targets.js';
import { allMetrics } from '../engine/simulate.js';
import type { Lang } from '../i18n/lang.js';
import { t } from '../i18n/text.js';
import { PROGRAMME_MODULES } from '../programmes/index.js';
import type { ReportData } from './collect.js';
import type { ReportChart } from './html/chartBlock.js';
import { escapeHtml } from './html/escape.js';
import { pageHtml } from './html/page.js';
import { plotlyBundle, plotlyVersion } from './plotlyBundle.js';
import { calibrationSection } from './sections/calibration.js';
import { compareSection } from './sections/compare.js';
import { costSection } from './sections/cost.js';
import { programmeSection } from './sections/programmes.js';
import { reachSection } from './sections/reach.js';
import { scenarioSection } from './sections/scenario.js';
import type { Section } from './sections/section.js';

export interface BuildOptions {
  lang: Lang;
  /** Calibration targets (data/targets.csv). */
  targets: readonly Target[];
  /** A reform run with the same seed and replications, to compare against. */
  reform?: ReportData;
}

export interface BuiltReport {
  /** The self-contained HTML document. */
  html: string;
  /** Every chart in the report, in page order (for PNG export and tests). */
  charts: ReportChart[];
}

/**
 * The report as one HTML file: the scenario with every parameter's provenance, calibration,
 * cost by payer and leverage, one section per programme, reach, and the reform comparison.
 * Pure: from collected data to text; plotly.js is inlined once.
 */
export function buildReport(data: ReportData, options: BuildOptions): BuiltReport {
  const { lang } = options;
  const specs = allMetrics();
  const sections: Section[] = [
    scenarioSection(data.scenario, lang),
    calibrationSection(options.targets, data.result, specs, lang),
    costSection(data, lang),
    ...PROGRAMME_MODULES.map((m) => programmeSection(m, data, specs, lang)),
    reachSection(data, lang),
    ...(options.reform ? [compareSection(data, options.reform, specs, lang)] : []),
  ];
  const title = `${t('reportTitle', lang)} · ${data.scenario.name}`;
  const nav = `<nav><h2>${escapeHtml(t('contents', lang))}</h2><ol>${sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.heading)}</a></li>`).join('')}</ol></nav>`;
  const body = [
    `<header><h1>${escapeHtml(title)}</h1>`,
    `<p class="note">${escapeHtml(t('reportIntro', lang, { name: data.scenario.name, seed: data.result.seed, reps: data.result.replications }))}</p></header>`,
    nav,
    ...sections.map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.heading)}</h2>\n${s.html}\n</section>`),
    `<footer><p class="note">${escapeHtml(t('colophon', lang, { plotly: plotlyVersion() }))}</p></footer>`,
  ].join('\n');
  return { html: pageHtml({ lang, title, body, plotly: plotlyBundle() }), charts: sections.flatMap((s) => [...s.charts]) };
}
