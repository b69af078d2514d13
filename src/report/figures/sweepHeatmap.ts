import type { Table } from '../../core/table.js';
import type { Lang } from '../../i18n/lang.js';
import { t } from '../../i18n/text.js';
import type { Figure } from '../figure.js';
import { baseLayout, numbers } from './common.js';

/** Which columns of a sweep table are the two parameters and the metric, and their labels. */
export interface SweepAxes {
  x: string;
  y: string;
  value: string;
  xLabel?: string;
  yLabel?: string;
  valueLabel?: string;
}

/**
 * A metric over a grid of two parameters. Input: one row per grid point (or per point and
 * replication: repeats are averaged), with numeric columns named by `axes`. Grid points the
 * table lacks stay empty (null), never zero.
 */
export function sweepHeatmapFigure(table: Table, axes: SweepAxes, lang: Lang): Figure {
  const name = 'sweepHeatmapFigure';
  const xs = numbers(table, axes.x, name);
  const ys = numbers(table, axes.y, name);
  const vs = numbers(table, axes.value, name);
  const xGrid = [...new Set(xs)].sort((a, b) => a - b);
  const yGrid = [...new Set(ys)].sort((a, b) => a - b);
  const sum = yGrid.map(() => xGrid.map(() => 0));
  const n = yGrid.map(() => xGrid.map(() => 0));
  for (let i = 0; i < vs.length; i++) {
    const r = yGrid.indexOf(ys[i]!);
    const c = xGrid.indexOf(xs[i]!);
    sum[r]![c]! += vs[i]!;
    n[r]![c]!++;
  }
  const z = sum.map((row, r) => row.map((s, c) => (n[r]![c]! > 0 ? s / n[r]![c]! : null)));
  const valueLabel = axes.valueLabel ?? axes.value;
  const data = [
    {
      type: 'heatmap',
      x: xGrid,
      y: yGrid,
      z,
      colorscale: 'Viridis',
      colorbar: { title: { text: valueLabel } },
      hovertemplate: `${axes.xLabel ?? axes.x}: %{x}<br>${axes.yLabel ?? axes.y}: %{y}<br>${valueLabel}: %{z:,.2f}<extra></extra>`,
    },
  ];
  const layout = baseLayout(t('sweepTitle', lang, { metric: valueLabel }), {
    xaxis: { title: { text: axes.xLabel ?? axes.x } },
    yaxis: { title: { text: axes.yLabel ?? axes.y } },
  });
  const gridX: number[] = [];
  const gridY: number[] = [];
  const gridV: Array<number | string> = [];
  yGrid.forEach((y, r) => xGrid.forEach((x, c) => (gridX.push(x), gridY.push(y), gridV.push(z[r]![c]! ?? ''))));
  return { data, layout, table: { [axes.x]: gridX, [axes.y]: gridY, [axes.value]: gridV } };
}
