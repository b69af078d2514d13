import type { Table } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import { flattenCatalogue } from '../../scenario/catalogue.js';
import type { Scenario } from '../../scenario/load.js';
import { getPath } from '../../scenario/paths.js';
import type { Provenance } from '../../scenario/provenance.js';
import { tableHtml } from '../show.js';
import { escapeHtml } from '../html/escape.js';
import { SectionBuilder, type Section } from './section.js';

/** A parameter's source in one line, in the report's language (quotes stay in Chinese). */
export function provenanceText(p: Provenance, lang: Lang): string {
  switch (p.kind) {
    case 'article':
      return `${t('provenanceArticle', lang)}: 「${p.quote}」 (${p.ref})`;
    case 'statistic':
      return `${t('provenanceStatistic', lang)} (${p.confidence}): ${p.source}`;
    case 'assumed':
      return `${t('provenanceAssumed', lang)}: ${p.note}${p.fit ? ` [${p.fit.lower}–${p.fit.upper}; ${p.fit.targets.join(', ')}]` : ''}`;
  }
}

function valueText(v: unknown): string {
  return Array.isArray(v) ? `[${v.join(', ')}]` : String(v);
}

/** Every catalogue parameter with its value in this scenario, label, unit and provenance. */
export function parameterTableFor(scenario: Scenario, lang: Lang): Table {
  const entries = flattenCatalogue();
  return {
    [t('colPath', lang)]: entries.map((e) => e.path),
    [t('colParameter', lang)]: entries.map((e) => e.spec[lang]),
    [t('colValue', lang)]: entries.map((e) => valueText(getPath(scenario.values, e.path))),
    [t('colUnit', lang)]: entries.map((e) => e.spec.unit),
    [t('colSource', lang)]: entries.map((e) => provenanceText(e.spec.source, lang) + (scenario.notes[e.path] ? ` | ${scenario.notes[e.path]}` : '')),
    [t('colSetIn', lang)]: entries.map((e) => scenario.origins[e.path] ?? ''),
  };
}

/** The scenario: its name, title and description, and every parameter with provenance. */
export function scenarioSection(scenario: Scenario, lang: Lang): Section {
  const table = parameterTableFor(scenario, lang);
  const count = flattenCatalogue().length;
  return new SectionBuilder('scenario', t('sectionScenario', lang), lang)
    .html(`<p><strong>${escapeHtml(scenario.name)}</strong>: ${escapeHtml(scenario.title)}</p>`)
    .text(scenario.description)
    .html(`<details><summary>${escapeHtml(t('parametersSummary', lang, { count }))}</summary>\n${tableHtml(table)}\n</details>`)
    .build();
}
