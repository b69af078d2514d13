import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/table.js';
import { CheckpointMismatchError } from '../../src/engine/sweep/checkpoint.js';
import { runSweep, SweepFailedError } from '../../src/engine/sweep/run.js';
import { planSweep } from '../../src/engine/sweep/spec.js';
import { SUMMARY_COLUMNS, sweepJson, sweepTable } from '../../src/engine/sweep/table.js';
import { requireBuiltWorker, smallScenario } from './fixtures.js';

/**
 * A valid population that cannot run under the memory limit set for the failure tests: it
 * passes every scenario rule and fails at run time, in the worker, when the memory guard
 * estimates what the population would need.
 */
const TOO_BIG = 2_000_000;
const MEMORY_LIMIT = 'WUHOU_SIM_MEMORY_LIMIT';

/** Runs `f` with a 30 MB memory limit (worker threads copy the environment when they start). */
async function withMemoryLimit<T>(f: () => Promise<T>): Promise<T> {
  const before = process.env[MEMORY_LIMIT];
  process.env[MEMORY_LIMIT] = '30M';
  try {
    return await f();
  } finally {
    if (before === undefined) delete process.env[MEMORY_LIMIT];
    else process.env[MEMORY_LIMIT] = before;
  }
}

const tmp = () => mkdtempSync(join(tmpdir(), 'wuhou-sweep-run-'));

beforeAll(requireBuiltWorker);

describe('runSweep', () => {
  const metrics = ['population.persons', 'insurance.claimsPaidYuan', 'reach.none'];

  it('gives byte-identical results with 1 and 2 workers, whatever the finishing order', async () => {
    // point 0 has hundreds of times the households, so with two workers the other five points
    // (on the second worker) all finish before it, however fast the code gets
    const plan = planSweep({ base: smallScenario(), vary: { 'population.dibao.households': [100_000, 200, 300], 'insurance.households': [100, 200] }, replications: 1, metrics });
    const order1: number[] = [];
    const order2: number[] = [];
    const one = await runSweep(plan, { workers: 1, onProgress: (_d, _t, i) => i !== undefined && order1.push(i) });
    const two = await runSweep(plan, { workers: 2, onProgress: (_d, _t, i) => i !== undefined && order2.push(i) });
    expect(order1).toEqual([0, 1, 2, 3, 4, 5]);
    expect(order2).not.toEqual(order1);
    expect(JSON.stringify(sweepJson(two))).toBe(JSON.stringify(sweepJson(one)));
    expect(tableToCsv(sweepTable(two))).toBe(tableToCsv(sweepTable(one)));
    // the population parameter moves its metric; the insurance one moves claims only
    expect(one.points[0]!.metrics['population.persons']!.mean).toBeGreaterThan(one.points[2]!.metrics['population.persons']!.mean);
    expect(one.points[2]!.metrics['population.persons']!.mean).toBe(one.points[3]!.metrics['population.persons']!.mean);
    expect(one.points[3]!.metrics['insurance.claimsPaidYuan']!.mean).toBeGreaterThan(one.points[2]!.metrics['insurance.claimsPaidYuan']!.mean);
  });

  it('makes one tidy row per design point: index, parameters, five statistics per metric', async () => {
    const plan = planSweep({ base: smallScenario(), vary: { 'insurance.households': [50, 150], 'supermarket.subsidy.monthlyYuan': [0, 60, 90] }, replications: 1, metrics });
    const result = await runSweep(plan, { workers: 2 });
    const table = sweepTable(result);
    expect(Object.keys(table)).toEqual(['point', 'insurance.households', 'supermarket.subsidy.monthlyYuan', ...metrics.flatMap((m) => SUMMARY_COLUMNS.map((s) => `${m}.${s}`))]);
    for (const col of Object.values(table)) expect(col.length).toBe(6);
    expect(table.point).toEqual([0, 1, 2, 3, 4, 5]);
    expect(table['supermarket.subsidy.monthlyYuan']).toEqual([0, 60, 90, 0, 60, 90]);
    const json = sweepJson(result) as { rows: Array<{ params: Record<string, unknown>; metrics: Record<string, Record<string, number>> }> };
    expect(json.rows.length).toBe(6);
    expect(json.rows[4]!.params).toEqual({ 'insurance.households': 150, 'supermarket.subsidy.monthlyYuan': 60 });
    expect(Object.keys(json.rows[0]!.metrics['reach.none']!)).toEqual(['mean', 'sd', 'p025', 'p975']);
    for (const row of json.rows) for (const m of Object.values(row.metrics)) for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
  });

  it('reports a failed point with its parameters, keeps the finished ones, and resumes only what is missing', async () => {
    const dir = tmp();
    const plan = planSweep({ base: smallScenario(), vary: { 'population.dibao.households': [600, TOO_BIG, 700] }, replications: 1, metrics: ['population.households'] });
    const failed = await withMemoryLimit(() => runSweep(plan, { workers: 2, checkpointDir: dir })).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(SweepFailedError);
    const error = failed as SweepFailedError;
    expect(error.message).toContain(`design point 1 (population.dibao.households=${TOO_BIG})`);
    expect(error.message).toMatch(/MemoryLimitError/);
    expect(error.result.points.map((p) => p.index)).toEqual([0, 2]);
    expect(error.result.points[1]!.metrics['population.households']!.mean).toBe(700 + 300 + 400);
    expect(readdirSync(join(dir, 'points')).sort()).toEqual(['000000.json', '000002.json']);
    expect(readdirSync(join(dir, 'failed'))).toEqual(['000001.json']);

    const simulated: number[] = [];
    const again = await withMemoryLimit(() => runSweep(plan, { workers: 2, checkpointDir: dir, resume: true, onProgress: (_d, _t, i) => i !== undefined && simulated.push(i) })).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(SweepFailedError);
    expect(simulated).toEqual([1]);
    expect((again as SweepFailedError).result.resumed).toBe(2);
    expect((again as SweepFailedError).result.points.map((p) => p.index)).toEqual([0, 2]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('after a crash, resuming recomputes only lost or damaged points and gives the same table', async () => {
    const dir = tmp();
    const plan = planSweep({ base: smallScenario(), vary: { 'insurance.households': [60, 120, 180, 240] }, replications: 1, metrics });
    const fresh = tableToCsv(sweepTable(await runSweep(plan, { workers: 2, checkpointDir: dir })));
    rmSync(join(dir, 'points', '000001.json'));
    writeFileSync(join(dir, 'points', '000003.json'), '{"format": "wuhou-sim.sweep/1", "ind');
    const simulated: number[] = [];
    const resumed = await runSweep(plan, { workers: 2, checkpointDir: dir, resume: true, onProgress: (_d, _t, i) => i !== undefined && simulated.push(i) });
    expect(simulated.sort()).toEqual([1, 3]);
    expect(resumed.resumed).toBe(2);
    expect(tableToCsv(sweepTable(resumed))).toBe(fresh);
    expect(existsSync(join(dir, 'points', '000003.json'))).toBe(true);

    const other = planSweep({ base: smallScenario(), vary: { 'insurance.households': [60, 120, 180, 240] }, replications: 1, seed: 1, metrics });
    await expect(runSweep(other, { workers: 1, checkpointDir: dir, resume: true })).rejects.toBeInstanceOf(CheckpointMismatchError);
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs only the asked design indices (shards, retries)', async () => {
    const plan = planSweep({ base: smallScenario(), vary: { 'insurance.households': [60, 120, 180] }, replications: 1, metrics: ['insurance.households'] });
    const part = await runSweep(plan, { workers: 1, only: [2, 0] });
    expect(part.points.map((p) => [p.index, p.metrics['insurance.households']!.mean])).toEqual([[0, 60], [2, 180]]);
    await expect(runSweep(plan, { only: [3] })).rejects.toThrow(/outside/);
  });
});
