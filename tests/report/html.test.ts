import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/calibration/targets.js';
import { main } from '../../src/cli/main.js';
import { buildReport, type BuiltReport } from '../../src/report/build.js';
import { collectReportData, type ReportData } from '../../src/report/collect.js';
import { writeReport } from '../../src/report/write.js';
import { smallScenario } from './helpers.js';

/** Runs the CLI in-process, capturing what it writes. */
async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const w1 = process.stdout.write.bind(process.stdout);
  const w2 = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  try {
    return { code: await main(argv), out, err };
  } finally {
    process.stdout.write = w1;
    process.stderr.write = w2;
  }
}

describe('the HTML report', () => {
  let hostile: ReportData;
  let built: BuiltReport;
  beforeAll(() => {
    hostile = collectReportData(smallScenario('tests/report/fixtures/hostile.yaml'), { replications: 2 });
    built = buildReport(hostile, { lang: 'zh', targets: loadTargets() });
  });

  it('escapes a scenario name, title and description that contain <script> and quotes', () => {
    const { html } = built;
    expect(html).not.toContain("<script>alert('name')</script>");
    expect(html).not.toContain('<script>alert("description")</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('evil&quot;&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(&#39;title&#39;)&gt; &amp; more');
    // the only scripts: plotly once, and one per chart
    expect(html.match(/<script/g)).toHaveLength(1 + built.charts.length);
  });

  it('is self-contained: plotly inlined once, no external URL in any src or href', () => {
    const { html } = built;
    expect(html.match(/\* plotly\.js v\d/g)).toHaveLength(1);
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?https?:/i);
    expect(html).toContain('content="default-src &#39;none&#39;;');
    const ours = html.replace(/<script type="text\/javascript">\/\*\*\n\* plotly\.js[\s\S]*?<\/script>/, '');
    expect(ours.length).toBeLessThan(html.length - 4_000_000);
    for (const href of ours.match(/href="[^"]+"/g) ?? []) expect(href).toMatch(/^href="(#|data:text\/csv;charset=utf-8;base64,)/);
  });

  it('has every section, with Chinese headings and the programmes as they report', () => {
    const ids = [...built.html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual(['scenario', 'calibration', 'cost', 'programme-supermarket', 'programme-insurance', 'programme-pairing', 'reach']);
    expect(built.html).toContain('各出资方成本与杠杆效应');
    expect(built.html).toContain('覆盖情况：未覆盖与多重覆盖的家庭');
    const slugs = built.charts.map((c) => c.slug);
    expect(slugs).toContain('cost-by-payer');
    expect(slugs).toContain('reach');
    // each chart's container carries its trace count for the browser test
    for (const c of built.charts) expect(built.html).toContain(`id="chart-${c.slug}" class="wuhou-chart" data-traces="${c.figure.data.length}"`);
  });

  it('lists every parameter with its provenance', () => {
    expect(built.html).toMatch(/全部 \d+ 个参数/);
    expect(built.html).toContain('supermarket.vegetables.cap');
    expect(built.html).toContain('文章: 「');
  });

  it('contains no NaN or Infinity anywhere', () => {
    expect(built.html.replace(/<script type="text\/javascript">\/\*\*[\s\S]*?<\/script>/, '')).not.toMatch(/\bNaN\b|\bInfinity\b/);
  });

  it('English version', () => {
    const en = buildReport(hostile, { lang: 'en', targets: loadTargets() });
    expect(en.html).toContain('<html lang="en">');
    expect(en.html).toContain('Cost by payer and leverage');
    expect(en.html).not.toContain('各出资方成本与杠杆效应');
  });
});

describe('determinism', () => {
  it('the same scenario and seed give a byte-identical report', () => {
    const a = buildReport(collectReportData(smallScenario(), { replications: 1, seed: 7 }), { lang: 'zh', targets: loadTargets() });
    const b = buildReport(collectReportData(smallScenario(), { replications: 1, seed: 7 }), { lang: 'zh', targets: loadTargets() });
    expect(a.html === b.html).toBe(true);
  });
});

describe('writing the report', () => {
  it('creates missing folders and leaves no temporary files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-report-'));
    const out = join(dir, 'a', 'b', 'report.html');
    const r = await writeReport(smallScenario(), { lang: 'zh', out, replications: 1 });
    expect(readFileSync(out, 'utf8')).toBe(r.html);
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['report.html']);
  });

  it('a failure never leaves a half-written report: the old file stays whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-report-'));
    const out = join(dir, 'report.html');
    writeFileSync(out, 'previous report');
    const badTargets = join(dir, 'targets.csv');
    writeFileSync(badTargets, 'id,metric,low,high,unit,window,quote\nx,y,abc,1,u,w,q\n');
    await expect(writeReport(smallScenario(), { lang: 'zh', out, replications: 1, targetsFile: badTargets })).rejects.toThrow(/not a number/);
    expect(readFileSync(out, 'utf8')).toBe('previous report');
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'targets.csv']);
  });

  it('compares a reform run on the same streams', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-report-'));
    const r = await writeReport(smallScenario(), { lang: 'en', out: join(dir, 'r.html'), replications: 2, reform: smallScenario('tests/report/fixtures/reform.yaml') });
    expect(r.html).toContain('<section id="compare">');
    expect(r.html).toContain('Reform compared: reform-test');
    expect(r.charts.map((c) => c.slug)).toContain('reform-cost-by-payer');
  });
});

describe('report command input', () => {
  it('an unknown --lang is a clear usage error (exit 2)', async () => {
    const r = await cli('report', 'scenarios/baseline-2016.yaml', '--lang', 'fr', '--out', join(tmpdir(), 'never.html'));
    expect(r.code).toBe(2);
    expect(r.err).toContain('--lang: unknown language "fr": expected one of zh, en');
    expect(existsSync(join(tmpdir(), 'never.html'))).toBe(false);
  });
  it('a bad --reps is a usage error', async () => {
    const r = await cli('report', '--reps', 'many');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--reps');
  });
  it('writes the report and says where it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wuhou-report-'));
    const out = join(dir, 'new', 'report.html');
    const r = await cli('report', 'scenarios/baseline-2016.yaml', '--reps', '1', '--lang', 'en', '--out', out, ...SMALL_SETS);
    expect(r.code).toBe(0);
    expect(r.out).toContain(`wrote ${out}`);
    expect(readFileSync(out, 'utf8')).toContain('<html lang="en">');
  });
});

const SMALL_SETS = ['--set', 'population.dibao.households=300', '--set', 'population.marginal.households=150', '--set', 'population.specialHardship.households=600'];
