#!/usr/bin/env node
// Regenerates the README's picture of the report's main chart (cost by payer and programme)
// from the baseline scenario, drawn by plotly in headless Chromium exactly as the report
// draws it: docs/img/cost-by-payer.zh.png and docs/img/cost-by-payer.en.png.
// Never draw it by hand. Usage: npm run build && node scripts/readme-figure.mjs [--reps N]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
process.env.WUHOU_SIM_ROOT ??= root;
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const { loadScenario } = await dist('scenario/load.js');
const { loadTargets } = await dist('calibration/targets.js');
const { collectReportData } = await dist('report/collect.js');
const { buildReport } = await dist('report/build.js');
const { exportPngs } = await dist('report/png.js');
const { writeFileAtomic } = await dist('core/atomicWrite.js');

const repsFlag = process.argv.indexOf('--reps');
const scenario = loadScenario(join(root, 'scenarios', 'baseline-2016.yaml'));
const replications = repsFlag > 0 ? Number(process.argv[repsFlag + 1]) : scenario.values.simulation.replications;
const data = collectReportData(scenario, { replications });
const work = mkdtempSync(join(tmpdir(), 'wuhou-readme-'));
try {
  for (const lang of ['zh', 'en']) {
    const report = buildReport(data, { lang, targets: loadTargets() });
    const html = join(work, `report.${lang}.html`);
    writeFileAtomic(html, report.html);
    const main = report.charts.filter((c) => c.slug === 'cost-by-payer');
    const [png] = await exportPngs(html, main, work);
    const target = join(root, 'docs', 'img', `cost-by-payer.${lang}.png`);
    writeFileAtomic(target, readFileSync(png));
    console.log(`wrote ${target} (${scenario.name}, seed ${data.result.seed}, ${replications} replications)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
