import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath } from '../../src/report/browser.js';

const ROOT = resolve('.');
const DIR = join(ROOT, 'out', 'test-notebook');
const env = { ...process.env, PATH: `${join(ROOT, 'node_modules', '.bin')}:${process.env.PATH}`, WUHOU_SIM_ROOT: ROOT };
const haveJupyter = spawnSync('jupyter', ['--version'], { env }).status === 0 && existsSync(chromiumPath());
const run = haveJupyter || process.env.CI === 'true' ? describe : describe.skip;

/** A notebook that shows three charts and a table, as the programme notebooks do. */
function notebook(): object {
  const cells = [
    'import { show, showTable } from "./src/report/show";\nimport { costByPayerFigure } from "./src/report/figures/costByPayer";\nimport { reachFigure } from "./src/report/figures/reach";\nimport { tornadoFigure } from "./src/report/figures/tornado";',
    'show(costByPayerFigure({ payer: ["districtBudget", "charityAssociation"], programme: ["insurance", "supermarket"], yuan: [2225000, 4700000] }, "zh"));',
    'show(reachFigure({ group: ["none", "one", "several"], households: [3600, 3100, 200] }, "zh"));',
    'show(tornadoFigure({ parameter: ["蔬菜限额", "补贴"], low: [90, 80], high: [110, 130] }, 100, "覆盖户数", "zh"));',
    'showTable({ 项目: ["超市", "保险"], 元: [4700000, 4450000] });',
  ];
  return {
    cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, execution_count: null, outputs: [] })),
    metadata: { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'typescript' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
}

function jupyter(args: string[]): void {
  const r = spawnSync('jupyter', args, { cwd: DIR, env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`jupyter ${args.join(' ')} failed:\n${r.stderr}`);
}

// Starting a kernel and compiling the imports takes a while on a busy machine.
run('show() in a tslab notebook', { timeout: 240_000 }, () => {
  it('embeds plotly.js once, stays small, and renders offline after nbconvert --to html', async () => {
    rmSync(DIR, { recursive: true, force: true });
    mkdirSync(DIR, { recursive: true });
    symlinkSync('../../src', join(DIR, 'src'));
    writeFileSync(join(DIR, 'show.ipynb'), JSON.stringify(notebook()));
    jupyter(['nbconvert', '--to', 'notebook', '--execute', '--allow-errors', '--output', 'executed', 'show.ipynb']);

    const file = join(DIR, 'executed.ipynb');
    expect(statSync(file).size).toBeLessThan(10 * 1024 * 1024);
    const nb = JSON.parse(readFileSync(file, 'utf8')) as { cells: Array<{ outputs: Array<Record<string, any>> }> };
    const outputs = nb.cells.flatMap((c) => c.outputs);
    expect(outputs.filter((o) => o.output_type === 'error' || o.name === 'stderr')).toEqual([]);
    const html = outputs.map((o) => [o.data?.['text/html'] ?? ''].flat().join(''));
    expect(html.filter((h) => h.includes('* plotly.js v'))).toHaveLength(1);
    expect(html.filter((h) => h.includes('class="wuhou-chart"'))).toHaveLength(3);
    expect(html.some((h) => h.includes('<table class="wuhou-table">'))).toBe(true);

    jupyter(['nbconvert', '--to', 'html', 'executed.ipynb']);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      const remote: string[] = [];
      const pageErrors: string[] = [];
      // offline: anything beyond local files is refused, as on a machine without network
      await page.route(/^(?!file:|data:|blob:)/, (route) => (remote.push(route.request().url()), route.abort()));
      page.on('pageerror', (e) => pageErrors.push(String(e)));
      await page.goto(pathToFileURL(join(DIR, 'executed.html')).href);
      await page.waitForFunction(`document.querySelectorAll('.wuhou-chart .main-svg').length > 0 && [...document.querySelectorAll('.wuhou-chart')].every((el) => el.querySelector('.main-svg'))`, undefined, { timeout: 30_000 });
      const traces = await page.evaluate<number[]>(`[...document.querySelectorAll('.wuhou-chart')].map((el) => el.querySelectorAll('g.trace').length)`);
      expect(traces).toEqual([2, 1, 2]);
      expect(pageErrors).toEqual([]);
      expect(remote).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
