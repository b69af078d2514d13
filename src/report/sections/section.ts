import { chartBlockHtml, type ReportChart } from '../html/chartBlock.js';
import { escapeHtml } from '../html/escape.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';

/** One section of the report: its anchor, heading, body HTML and the charts in it. */
export interface Section {
  readonly id: string;
  readonly heading: string;
  readonly html: string;
  readonly charts: readonly ReportChart[];
}

/** Collects a section's parts: charts added here are also listed for PNG export. */
export class SectionBuilder {
  private readonly parts: string[] = [];
  private readonly charts: ReportChart[] = [];

  constructor(
    readonly id: string,
    readonly heading: string,
    readonly lang: Lang,
  ) {}

  /** Adds HTML that is already escaped. */
  html(fragment: string): this {
    this.parts.push(fragment);
    return this;
  }

  /** Adds a paragraph of plain text (escaped here). */
  text(s: string, cls = ''): this {
    return this.html(`<p${cls ? ` class="${cls}"` : ''}>${escapeHtml(s)}</p>`);
  }

  chart(chart: ReportChart, note = ''): this {
    this.charts.push(chart);
    return this.html(chartBlockHtml(chart, t('downloadCsv', this.lang), note));
  }

  build(): Section {
    return { id: this.id, heading: this.heading, html: this.parts.join('\n'), charts: this.charts };
  }
}
