import type { Table } from '../../core/table.js';
import type { Figure } from '../../report/figure.js';
import { baseLayout, PALETTE } from '../../report/figures/common.js';

export interface MonthlyLine {
  /** Legend text (already in the reader's language). */
  readonly name: string;
  readonly month: readonly string[];
  readonly value: readonly number[];
}

/**
 * Lines over months, e.g. unmet need under several pairing forms: a plotly figure with its
 * numbers as a tidy table (line, month, value). Pure: builds the spec, never simulates.
 */
export function monthlyLinesFigure(lines: readonly MonthlyLine[], title: string, yTitle: string): Figure {
  const data = lines.map((l, i) => ({
    type: 'scatter',
    mode: 'lines',
    name: l.name,
    x: [...l.month],
    y: [...l.value],
    line: { color: PALETTE[i % PALETTE.length], width: 2 },
  }));
  const table: Table = { line: [], month: [], value: [] };
  for (const l of lines) {
    for (let i = 0; i < l.month.length; i++) {
      table.line!.push(l.name);
      table.month!.push(l.month[i]!);
      table.value!.push(l.value[i]!);
    }
  }
  return {
    data,
    layout: baseLayout(title, { xaxis: { title: { text: '' }, type: 'category' }, yaxis: { title: { text: yTitle }, rangemode: 'tozero' }, legend: { orientation: 'h', y: -0.2 } }),
    table,
  };
}
