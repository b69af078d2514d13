import type { Cell, Table } from '../../core/table.js';
import type { PlotlyObject } from '../figure.js';

/** Fonts that carry Chinese glyphs on Debian (fonts-noto-cjk), Windows and macOS, in that order. */
export const CJK_FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif';

/** A qualitative palette that stays readable when printed in grey. */
export const PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** Axes grow their margin to fit long tick labels (yuan in millions) and their titles. */
function withAutomargin(axis: unknown): unknown {
  return axis && typeof axis === 'object' ? { automargin: true, ...(axis as PlotlyObject) } : axis;
}

/** Layout shared by every chart: title, CJK-capable font, white background, room for labels. */
export function baseLayout(title: string, extra: PlotlyObject = {}): PlotlyObject {
  const axes: PlotlyObject = {};
  if (extra.xaxis) axes.xaxis = withAutomargin(extra.xaxis);
  if (extra.yaxis) axes.yaxis = withAutomargin(extra.yaxis);
  return {
    title: { text: title, x: 0.02, xanchor: 'left' },
    font: { family: CJK_FONT_FAMILY, size: 13 },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    margin: { l: 80, r: 30, t: 60, b: 60 },
    ...extra,
    ...axes,
  };
}

/** The named column, or an error that names the figure and the column it needed. */
function column(table: Table, name: string, figure: string): Cell[] {
  const col = table[name];
  if (!col) throw new Error(`${figure}: the table has no column "${name}" (it has: ${Object.keys(table).join(', ') || 'none'})`);
  return col;
}

/** A numeric column; text that is not a finite number is an error, so NaN never reaches a chart. */
export function numbers(table: Table, name: string, figure: string): number[] {
  return column(table, name, figure).map((v, i) => {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) throw new Error(`${figure}: column "${name}" row ${i + 1} is not a finite number (${String(v)})`);
    return n;
  });
}

export function strings(table: Table, name: string, figure: string): string[] {
  return column(table, name, figure).map(String);
}

/** Distinct values in first-seen order, or in `preferred` order for those listed there. */
export function orderedDistinct(values: readonly string[], preferred: readonly string[] = []): string[] {
  const seen = new Set(values);
  const first = preferred.filter((p) => seen.has(p));
  const rest = [...new Set(values)].filter((v) => !preferred.includes(v));
  return [...first, ...rest];
}
