import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeFileAtomic } from '../core/atomicWrite.js';
import { launchChromium } from './browser.js';
import { chartElementId, type ReportChart } from './html/chartBlock.js';

/** Width of exported PNGs in CSS pixels (rendered at twice that for sharp print). */
export const PNG_WIDTH = 1000;

/**
 * Writes each chart of a report file as `<dir>/<slug>.png`, rendered by plotly in headless
 * Chromium from the report itself, so the PNGs show exactly what the HTML shows (Chinese
 * labels included, with fonts-noto-cjk installed). Returns the files written.
 */
export async function exportPngs(reportFile: string, charts: readonly ReportChart[], dir: string): Promise<string[]> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: PNG_WIDTH + 100, height: 900 } });
    await page.goto(pathToFileURL(resolve(reportFile)).href);
    const written: string[] = [];
    for (const chart of charts) {
      const id = chartElementId(chart.slug);
      const el = `document.getElementById(${JSON.stringify(id)})`;
      await page.waitForFunction(`Boolean(${el} && ${el}.querySelector('.main-svg'))`, undefined, { timeout: 30_000 });
      const dataUrl = await page.evaluate<string>(
        `(() => { const el = ${el}; return Plotly.toImage(el, { format: 'png', width: ${PNG_WIDTH}, height: (el.layout && el.layout.height) || 450, scale: 2 }); })()`,
      );
      const file = join(dir, `${chart.slug}.png`);
      writeFileAtomic(file, Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
      written.push(file);
    }
    return written;
  } finally {
    await browser.close();
  }
}
