import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/report/browser.js';
import { exportPngs } from '../../src/report/png.js';
import { writeReport, type WrittenReport } from '../../src/report/write.js';
import { smallScenario } from './helpers.js';

// On CI the browser must be there: the test fails rather than skips.
const haveChromium = existsSync(chromiumPath());
const run = haveChromium || process.env.CI === 'true' ? describe : describe.skip;

const OUT = resolve('out/test-report/report.html');
const SCREENSHOT = resolve('out/report-screenshot.png');

run('the report in headless Chromium', () => {
  let report: WrittenReport;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    report = await writeReport(smallScenario(), { lang: 'zh', out: OUT, replications: 2 });
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(pathToFileURL(OUT).href);
    await page.waitForFunction(`[...document.querySelectorAll('.wuhou-chart')].every((el) => el.querySelector('.main-svg'))`, undefined, { timeout: 30_000 });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('logs no errors', () => {
    expect(consoleErrors).toEqual([]);
  });

  it('requests nothing beyond the file itself', () => {
    const network = requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'));
    expect(network).toEqual([pathToFileURL(OUT).href]);
  });

  it('draws every chart as SVG with the expected number of traces', async () => {
    const charts = await page.evaluate<Array<{ id: string; expected: number; data: number; drawn: number }>>(`
      [...document.querySelectorAll('.wuhou-chart')].map((el) => ({
        id: el.id,
        expected: Number(el.dataset.traces),
        data: el.data.length,
        drawn: el.querySelectorAll('g.trace').length + el.querySelectorAll('g.sankey').length,
      }))`);
    expect(charts.map((c) => c.id)).toEqual(report.charts.map((c) => `chart-${c.slug}`));
    for (const c of charts) {
      expect(c.data, c.id).toBe(report.charts.find((r) => `chart-${r.slug}` === c.id)!.figure.data.length);
      expect(c.drawn, c.id).toBe(c.expected);
    }
  });

  it('shows the Chinese labels, in a font that has them', async () => {
    const svgText = await page.evaluate<string>(`[...document.querySelectorAll('.wuhou-chart svg text')].map((t) => t.textContent).join('|')`);
    for (const label of ['各出资方净支出（按项目）', '区财政', '区慈善会', '慈善惠民超市', '家庭覆盖情况', '特殊困难家庭']) expect(svgText).toContain(label);
    const heading = await page.evaluate<string>(`document.querySelector('#cost h2').textContent`);
    expect(heading).toBe('各出资方成本与杠杆效应');
    expect(await page.evaluate<boolean>(`document.fonts.check('16px "Noto Sans CJK SC"', '区慈善会')`)).toBe(true);
  });

  it('keeps a screenshot for CI', () => {
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(50_000);
  });

  it('exports charts as PNG through the same browser engine', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-png-'));
    const files = await exportPngs(OUT, report.charts.slice(0, 1), dir);
    expect(files).toEqual(report.charts.slice(0, 1).map((c) => join(dir, `${c.slug}.png`)));
    for (const f of files) {
      const png = readFileSync(f);
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16)).toBe(2000); // width: 1000 CSS px at scale 2
    }
  });
});
