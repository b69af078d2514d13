import type { PlotlySpec } from './figure.js';
import { OFFLINE_CONFIG } from './figure.js';
import { jsonForScript } from './html/escape.js';

/** Default chart height in pixels when the figure's layout sets none. */
export const DEFAULT_CHART_HEIGHT = 450;

/**
 * A chart container plus the script that draws it with `Plotly.newPlot`. The script waits
 * until both window.Plotly and the container exist, because notebook front ends insert
 * output HTML and run its scripts in varying order.
 */
export function chartHtml(figure: PlotlySpec, id: string): string {
  const layout = { height: DEFAULT_CHART_HEIGHT, ...(figure.layout ?? {}) };
  const config = { ...OFFLINE_CONFIG, ...(figure.config ?? {}) };
  const height = typeof layout.height === 'number' ? layout.height : DEFAULT_CHART_HEIGHT;
  return (
    `<div id="${id}" class="wuhou-chart" data-traces="${figure.data.length}" style="width:100%;height:${height}px"></div>\n` +
    `<script type="text/javascript">(function(){var tries=0;function draw(){var el=document.getElementById(${jsonForScript(id)});` +
    `if(!window.Plotly||!el){if(++tries<200){setTimeout(draw,25);}else if(window.console){console.warn('wuhou-sim: chart ${id} could not be drawn (plotly.js missing)');}return;}` +
    `window.Plotly.newPlot(el,${jsonForScript(figure.data)},${jsonForScript(layout)},${jsonForScript(config)});}draw();})();</script>`
  );
}

/** An inline script element carrying the plotly.js bundle. */
export function plotlyScriptTag(bundle: string): string {
  return `<script type="text/javascript">${bundle}</script>`;
}
