import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.js';
import { BASELINE_FILE, requireBuiltWorker, SMALL } from './fixtures.js';

const BIN = resolve('bin/wuhou-sim');
const dir = mkdtempSync(join(tmpdir(), 'wuhou-cli-engine-'));

function cli(...args: string[]): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, WUHOU_SIM_ROOT: resolve('.') } });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const smallYaml = Object.entries(SMALL)
  .map(([k, v]) => `${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)
  .join('\n');
const setBlock = Object.entries(SMALL)
  .map(([k, v]) => `  ${k}: ${typeof v === 'string' ? JSON.stringify(v) : v}`)
  .join('\n');

beforeAll(requireBuiltWorker);

describe('wuhou-sim compare', () => {
  const base = write('small.yaml', `extends: ${resolve(BASELINE_FILE)}\nname: small\n${smallYaml}\n`);
  const reform = write('reform.yaml', `extends: ${base}\nname: more-insured\ninsurance.households: 300\n`);

  it('--json prints baseline, reform and paired difference for every metric', () => {
    const r = cli('compare', base, reform, '--reps', '2', '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { metrics: Record<string, Record<string, Record<string, number>>>; costByPayer: object; relief: { leverage: object }; distribution: { byDecile: unknown[] } };
    const m = doc.metrics['insurance.households']!;
    for (const side of ['baseline', 'reform', 'difference']) expect(Object.keys(m[side]!)).toEqual(expect.arrayContaining(['mean', 'p025', 'p975']));
    expect(m.baseline!.mean).toBe(150);
    expect(m.reform!.mean).toBe(300);
    expect(m.difference!.mean).toBe(150);
    expect(Object.keys(doc.costByPayer)).toEqual(['districtBudget', 'charityAssociation', 'storeOperators', 'insurer', 'donors']);
    expect(doc.relief.leverage).toBeDefined();
    expect(doc.distribution.byDecile.length).toBe(10);
  });

  it('writes CSV to --out and prints a table, not JSON, without --json', () => {
    const out = join(dir, 'cmp');
    const r = cli('compare', base, base, '--reps', '1', '--set', 'supermarket.subsidy.monthlyYuan=80', '--out', out);
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).toThrow();
    expect(r.stdout).toMatch(/supermarket\.subsidyYuan/);
    expect(readdirSync(out).sort()).toEqual(['distribution.csv', 'metrics.csv', 'money.csv']);
    const rows = parseCsv(readFileSync(join(out, 'metrics.csv'), 'utf8'));
    expect(rows[0]!.cells.slice(0, 5)).toEqual(['metric', 'label', 'unit', 'baseline', 'baseline.p025']);
  });

  it('needs two scenarios', () => {
    const r = cli('compare', base);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/baseline and a reform/);
  });
});

describe('wuhou-sim sweep', () => {
  const sweep = write('sweep.yaml', `base: ${resolve(BASELINE_FILE)}\nset:\n${setBlock}\nreplications: 1\nseed: 11\nvary:\n  insurance.households: [100, 200]\n  supermarket.subsidy.monthlyYuan: {from: 40, to: 80, steps: 2}\nmetrics: [insurance.households, supermarket.subsidyYuan]\n`);

  it('--json prints one row per design point, in design order; --out writes the tidy CSV and the checkpoint', () => {
    const out = join(dir, 'sw');
    const r = cli('sweep', sweep, '--workers', '2', '--json', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { rows: Array<{ params: Record<string, number>; metrics: Record<string, Record<string, number>> }> };
    expect(doc.rows.map((row) => row.params)).toEqual([
      { 'insurance.households': 100, 'supermarket.subsidy.monthlyYuan': 40 },
      { 'insurance.households': 100, 'supermarket.subsidy.monthlyYuan': 80 },
      { 'insurance.households': 200, 'supermarket.subsidy.monthlyYuan': 40 },
      { 'insurance.households': 200, 'supermarket.subsidy.monthlyYuan': 80 },
    ]);
    expect(doc.rows.map((row) => row.metrics['insurance.households']!.mean)).toEqual([100, 100, 200, 200]);
    expect(Object.keys(doc.rows[0]!.metrics['supermarket.subsidyYuan']!)).toEqual(['mean', 'sd', 'p025', 'p975']);
    expect(parseCsv(readFileSync(join(out, 'sweep.csv'), 'utf8')).length).toBe(5);
    expect(readdirSync(join(out, 'points')).length).toBe(4);
    expect(existsSync(join(out, 'sweep.json'))).toBe(true);
    // same output with one worker
    const one = cli('sweep', sweep, '--workers', '1', '--json');
    expect(one.stdout).toBe(r.stdout);
  });

  it('rejects --workers 0 and non-numbers with a clear message', () => {
    for (const bad of ['0', 'two', '1.5']) {
      const r = cli('sweep', sweep, `--workers=${bad}`);
      expect(r.status, bad).toBe(2);
      expect(r.stderr).toMatch(/^--workers: expected a whole number/);
    }
  });

  it('reports a bad path and a bad value before any work, naming path and value', () => {
    const bad = write('bad-sweep.yaml', `base: ${resolve(BASELINE_FILE)}\nvary:\n  insurance.houseolds: [1]\n  supermarket.vegetables.cap: [100, -3]\n`);
    const out = join(dir, 'bad-out');
    const r = cli('sweep', bad, '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/vary\.insurance\.houseolds: unknown parameter path \(got "insurance\.houseolds"/);
    expect(r.stderr).toMatch(/vary\.supermarket\.vegetables\.cap\[1\]: value fails the parameter's schema \(got -3, expected a number ≥ 0\)/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('wuhou-sim frontier', () => {
  it('--json prints the frontier, and --out writes tables and the chart', () => {
    const file = write('frontier.yaml', `base: ${resolve(BASELINE_FILE)}\nset:\n${setBlock}\n  insurance.premium.mode: expectedClaims\nreplications: 1\nbudget: 2000000\ncost: insurance.fundingYuan\noutcome: insurance.households\nlevers:\n  insurance.households: {from: 0, to: 300}\nsearch: {levels: 1, maxEvaluations: 6}\n`);
    const out = join(dir, 'fr');
    const r = cli('frontier', file, '--workers', '2', '--json', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { frontier: Array<{ cost: { mean: number }; outcome: { mean: number } }>; budget: number; method: string };
    expect(doc.budget).toBe(2_000_000);
    expect(doc.method).toMatch(/ε-constraint/);
    expect(doc.frontier.length).toBeGreaterThan(1);
    for (const p of doc.frontier) expect(p.cost.mean).toBeLessThanOrEqual(2_000_000);
    expect(readdirSync(out).sort()).toEqual(['evaluated.csv', 'frontier-chart.json', 'frontier.csv', 'frontier.html']);
    const chart = JSON.parse(readFileSync(join(out, 'frontier-chart.json'), 'utf8')) as { data: unknown[]; layout: { shapes: Array<{ x0: number }> } };
    expect(chart.layout.shapes[0]!.x0).toBe(2_000_000);
    expect(readFileSync(join(out, 'frontier.html'), 'utf8')).not.toMatch(/<script[^>]+src=/);
  });
});
