import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir, writeTargets } from './helpers.js';

/** Runs the built CLI (npm test builds dist/ first; run `npm run build` before running this file alone). */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/wuhou-sim', ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('wuhou-sim explain', () => {
  it('lists the parameters with values, units and provenance', () => {
    const r = cli('explain', 'supermarket.subsidyYuan');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^supermarket\.subsidyYuan: /);
    expect(r.out).toMatch(/target supermarket\.subsidy: 4700000 – 4800000/);
    expect(r.out).toMatch(/supermarket\.subsidy\.monthlyYuan\s+60\s+yuan\/card\/month|supermarket\.subsidy\.monthlyYuan\s+60\s/);
    const csv = cli('explain', 'supermarket.subsidyYuan', '--csv');
    expect(csv.out.split('\n')[0]).toBe('path,value,unit,label,kind,provenance');
  });

  it('--household walks one household; unknown metrics and households are bad input', () => {
    const r = cli('explain', 'supermarket.discountYuan', '--household', '3');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/household 3: dibao/);
    expect(r.out).toMatch(/── supermarket ──/);
    expect(cli('explain', 'supermarket.discount').code).toBe(2);
    const far = cli('explain', 'supermarket.discountYuan', '--household', '99999999');
    expect(far.code).toBe(2);
    expect(far.err).toMatch(/no household with id 99999999/);
    expect(cli('explain').code).toBe(2);
  });
});

describe('wuhou-sim sensitivity', () => {
  it('prints the tornado and writes CSV and a plotly chart', () => {
    const dir = tempDir();
    const r = cli('sensitivity', '--metric', 'population.households', '--reps', '1', '--no-morris', '--out', dir);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Tornado: population\.households = 6900/);
    expect(r.out).toMatch(/population\.dibao\.households/);
    const html = readFileSync(join(dir, 'tornado-population.households.html'), 'utf8');
    expect(html).toMatch(/Plotly\.newPlot/);
    expect(readFileSync(join(dir, 'tornado-population.households.csv'), 'utf8').split('\n')[0]).toMatch(/^rank,parameter,label,value,/);
  });

  it('needs a known --metric and a sane --delta', () => {
    expect(cli('sensitivity').code).toBe(2);
    expect(cli('sensitivity', '--metric', 'nope').code).toBe(2);
    const d = cli('sensitivity', '--metric', 'population.households', '--delta', '150%');
    expect(d.code).toBe(2);
    expect(d.err).toMatch(/--delta/);
  });
});
