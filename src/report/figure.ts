import { tableToCsv, type Table } from '../core/table.js';

/** One plotly trace or layout: plain JSON, so that a figure can be saved, compared and embedded. */
export type PlotlyObject = Record<string, unknown>;

/**
 * A chart: a plotly figure spec (`data`, `layout`) plus the numbers it draws as a table, so
 * that every chart can also be handed to a researcher as CSV.
 */
export interface Figure {
  data: PlotlyObject[];
  layout: PlotlyObject;
  /** The chart's numbers, one row per plotted value (tidy), with self-explaining column names. */
  table: Table;
}

/** A figure spec as plotly takes it; `show()` accepts figures built elsewhere too. */
export interface PlotlySpec {
  data: PlotlyObject[];
  layout?: PlotlyObject;
  config?: PlotlyObject;
}

/** The numbers a figure draws, as CSV. */
export function figureToCsv(figure: Figure): string {
  return tableToCsv(figure.table);
}

/** Plotly options that keep an offline, e-mailed chart self-contained (no link to plotly's cloud). */
export const OFFLINE_CONFIG: PlotlyObject = { responsive: true, displaylogo: false, showLink: false, sendData: false };
