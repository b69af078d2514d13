import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/table.js';
import { mergeShardFolders, SweepMergeError } from '../../src/engine/sweep/merge.js';
import { runSweep } from '../../src/engine/sweep/run.js';
import { parseShard, shardPoints } from '../../src/engine/sweep/shard.js';
import { planSweep } from '../../src/engine/sweep/spec.js';
import { sweepJson, sweepTable } from '../../src/engine/sweep/table.js';
import { BASELINE } from './helpers.js';
import { loadScenario, withOverrides } from '../../src/scenario/load.js';

/** A small year (1,300 households, 5 extra insurance years) so each point takes a fraction of a second. */
const SMALL: Record<string, unknown> = {
  'simulation.start': '2016-01',
  'simulation.end': '2016-12',
  'pairing.start': '2016-01',
  'pairing.window.from': '2016-01',
  'pairing.window.to': '2016-12',
  'population.dibao.households': 600,
  'population.marginal.households': 300,
  'population.specialHardship.households': 400,
  'insurance.households': 150,
  'insurance.risk.extraYears': 5,
};
const METRICS = ['supermarket.discountYuan', 'insurance.claimsPaidYuan', 'reach.none'];

const root = mkdtempSync(join(tmpdir(), 'wuhou-shards-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let folders = 0;
const folder = (name: string) => join(root, `${name}-${++folders}`);

function smallPlan(vary: Record<string, readonly unknown[]> = { 'supermarket.vegetables.cap': [80, 100, 120], 'insurance.charityShare': [0.3, 0.6] }) {
  return planSweep({ base: withOverrides(loadScenario(BASELINE), SMALL), vary, replications: 2, seed: 5, metrics: METRICS });
}

describe('sweep shards: K of N deterministic slices', () => {
  it('parses K/N with 1 ≤ K ≤ N and explains anything else', () => {
    expect(parseShard('3/8')).toEqual({ k: 3, n: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ k: 1, n: 1 });
    for (const bad of ['0/4', '5/4', '2', '2/0', 'a/b', '-1/3', '1/3/4', '']) expect(typeof parseShard(bad)).toBe('string');
  });

  it('the shards of any design partition its points, each in design order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 500 }), fc.integer({ min: 1, max: 40 }), (total, n) => {
        const parts = Array.from({ length: n }, (_, i) => shardPoints(total, { k: i + 1, n }));
        for (const p of parts) expect(p).toEqual([...p].sort((a, b) => a - b));
        expect(parts.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
      }),
    );
  });
});

describe('sweep shards merged equal the unsharded sweep', () => {
  const plan = smallPlan();
  let whole: string;
  let wholeJson: string;
  let wholeDir: string;

  it('three shards in their own folders, merged: byte-identical table and JSON', async () => {
    wholeDir = folder('whole');
    const full = await runSweep(plan, { workers: 2, checkpointDir: wholeDir });
    whole = tableToCsv(sweepTable(full));
    wholeJson = JSON.stringify(sweepJson(full));
    const dirs: string[] = [];
    for (let k = 1; k <= 3; k++) {
      const dir = folder(`shard${k}`);
      dirs.push(dir);
      const part = await runSweep(plan, { workers: 1, checkpointDir: dir, only: shardPoints(plan.points.length, { k, n: 3 }), shared: true });
      expect(part.points.map((p) => p.index)).toEqual(shardPoints(plan.points.length, { k, n: 3 }));
    }
    const merged = mergeShardFolders([dirs[2]!, dirs[0]!, dirs[1]!]);
    expect(tableToCsv(sweepTable(merged))).toBe(whole);
    expect(JSON.stringify(sweepJson(merged))).toBe(wholeJson);
    // The points really differ, so equal tables are not equal by construction.
    expect(new Set(merged.points.map((p) => p.metrics['supermarket.discountYuan']!.mean)).size).toBeGreaterThan(1);
  });

  it('shards sharing one folder keep each other’s points', async () => {
    const shared = folder('shared');
    for (const k of [2, 1]) await runSweep(plan, { workers: 1, checkpointDir: shared, only: shardPoints(plan.points.length, { k, n: 2 }), shared: true });
    expect(tableToCsv(sweepTable(mergeShardFolders([shared])))).toBe(whole);
  });

  it('refuses an incomplete set of shards, naming the missing points', async () => {
    const a = folder('only1of3');
    await runSweep(plan, { workers: 1, checkpointDir: a, only: shardPoints(plan.points.length, { k: 1, n: 3 }), shared: true });
    const missing = [1, 2, 4, 5];
    expect(() => mergeShardFolders([a])).toThrow(new RegExp(`4 of 6 design points are in none of the folders: ${missing.join(', ')}`));
  });

  it('refuses folders of different sweeps, and points whose results disagree', async () => {
    const other = smallPlan({ 'supermarket.vegetables.cap': [90, 110] });
    const a = folder('other');
    await runSweep(other, { workers: 1, checkpointDir: a, shared: true });
    const b = wholeDir;
    expect(() => mergeShardFolders([b, a])).toThrow(SweepMergeError);
    expect(() => mergeShardFolders([b, a])).toThrow(/holds a different sweep/);
    expect(() => mergeShardFolders([join(root, 'nowhere')])).toThrow(/not a sweep folder/);

    const c = folder('tampered');
    await runSweep(plan, { workers: 1, checkpointDir: c, only: [0], shared: true });
    const file = join(c, 'points', '000000.json');
    const record = JSON.parse(readFileSync(file, 'utf8'));
    record.metrics['reach.none'].mean += 1;
    writeFileSync(file, JSON.stringify(record));
    expect(() => mergeShardFolders([b, c])).toThrow(/design point 0 has different results/);
  });
});

describe('wuhou-sim sweep --shard K/N and sweep merge', () => {
  /** The built CLI (npm test builds dist/ first). */
  const cli = (...args: string[]) => spawnSync(process.execPath, ['bin/wuhou-sim', ...args], { encoding: 'utf8' });
  const set = Object.entries(SMALL)
    .map(([k, v]) => `  ${k}: ${v}`)
    .join('\n');
  const sweepFile = join(root, 'sweep.yaml');
  writeFileSync(sweepFile, `base: ${resolve(BASELINE)}\nset:\n${set}\nreplications: 1\nseed: 3\nvary:\n  supermarket.subsidy.monthlyYuan: [40, 60, 80]\nmetrics: [supermarket.subsidyYuan, reach.none]\n`);

  let shardA = '';

  it('two shards merged give the unsharded sweep.csv byte for byte', () => {
    const full = folder('cli-whole');
    expect(cli('sweep', sweepFile, '--workers', '1', '--out', full).status).toBe(0);
    const a = (shardA = folder('cli-a'));
    const b = folder('cli-b');
    const ra = cli('sweep', sweepFile, '--shard', '1/2', '--workers', '1', '--out', a);
    expect(ra.stderr).toBe('');
    expect(ra.stdout).toMatch(/shard 1\/2: 2 of 3 design points/);
    expect(cli('sweep', sweepFile, '--shard', '2/2', '--workers', '1', '--out', b).status).toBe(0);
    const merged = folder('cli-merged');
    const m = cli('sweep', 'merge', a, b, '--out', merged);
    expect(m.stderr).toBe('');
    expect(m.status).toBe(0);
    expect(readFileSync(join(merged, 'sweep.csv'), 'utf8')).toBe(readFileSync(join(full, 'sweep.csv'), 'utf8'));
  });

  it('bad shard flags and incomplete merges are usage errors (exit 2)', () => {
    const bad = cli('sweep', sweepFile, '--shard', '3/2', '--out', folder('bad'));
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--shard: K must be from 1 to N/);
    expect(cli('sweep', sweepFile, '--shard', '1/2').stderr).toMatch(/--shard needs --out/);
    // Shard 1 of 2 holds points 0 and 2: alone it is not the sweep.
    const m = cli('sweep', 'merge', shardA);
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/1 of 3 design points are in none of the folders: 1\./);
  });
});
