import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from './helpers.js';

/**
 * Atomic outputs (issue 10, item 4): a sweep killed with SIGKILL in the middle leaves only
 * whole files (each point file parses and agrees with an uninterrupted run; the summary
 * table is either the previous complete one or absent), and `--resume` then finishes the
 * sweep to results byte-identical to a run that was never interrupted, and identical with
 * 1 and 2 workers. Runs the built binary (`npm run build` first).
 */

const { dir, cleanup } = tempDir('atomic');
afterAll(cleanup);

const POINTS = 8;
const base = join(dir, 'small.yaml');
writeFileSync(base, `extends: ${resolve('scenarios/baseline-2016.yaml')}\npopulation:\n  dibao: {households: 60}\n  marginal: {households: 30}\n  specialHardship: {households: 50}\ninsurance:\n  households: 40\n`);
const sweepFile = join(dir, 'sweep.yaml');
writeFileSync(
  sweepFile,
  `name: kill-test\nbase: small.yaml\nreplications: 2\nseed: 11\ndesign: grid\nvary:\n  supermarket.vegetables.cap: [${Array.from({ length: POINTS }, (_, i) => 50 + 10 * i).join(', ')}]\nmetrics: [supermarket.discountYuan, cost.districtBudget, reach.none]\n`,
);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/wuhou-sim', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every file under a folder, relative paths. */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(folder, f)).isFile());
}

/** Starts a sweep and SIGKILLs it once `points` point files exist; resolves when it is dead. */
function killMidway(out: string, points: number, extra: string[] = []): Promise<{ signal: NodeJS.Signals | null; pointsAtKill: number }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['bin/wuhou-sim', 'sweep', sweepFile, '--workers', '2', '--out', out, ...extra], { stdio: 'ignore' });
    let pointsAtKill = 0;
    const timer = setInterval(() => {
      const n = filesUnder(join(out, 'points')).filter((f) => f.endsWith('.json')).length;
      if (n >= points) {
        pointsAtKill = n;
        clearInterval(timer);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('exit', (_code, signal) => {
      clearInterval(timer);
      resolvePromise({ signal, pointsAtKill });
    });
    child.on('error', reject);
  });
}

describe('a sweep killed mid-way', () => {
  const reference = join(dir, 'reference');
  let referenceJson = '';
  let referenceCsv = '';

  it('an uninterrupted run with 1 worker and one with 2 give byte-identical tables', () => {
    const one = cli('sweep', sweepFile, '--workers', '1', '--out', reference, '--json');
    expect(one.err).toBe('');
    expect(one.code).toBe(0);
    referenceJson = one.out;
    referenceCsv = readFileSync(join(reference, 'sweep.csv'), 'utf8');
    expect(JSON.parse(referenceJson).rows).toHaveLength(POINTS);
    const two = cli('sweep', sweepFile, '--workers', '2', '--out', join(dir, 'two'), '--json');
    expect(two.code).toBe(0);
    expect(two.out).toBe(referenceJson);
    expect(readFileSync(join(dir, 'two', 'sweep.csv'), 'utf8')).toBe(referenceCsv);
  }, 300_000);

  it('leaves only whole files, keeps the previous table, and --resume finishes it identically', async () => {
    const out = join(dir, 'killed');
    // A complete earlier run in the same folder: its table must survive the killed rerun whole.
    expect(cli('sweep', sweepFile, '--workers', '1', '--out', out).code).toBe(0);
    // The rerun clears the old point files itself; clearing them first lets the watcher count only new ones.
    rmSync(join(out, 'points'), { recursive: true });
    const { signal, pointsAtKill } = await killMidway(out, 3);
    expect(signal).toBe('SIGKILL');
    expect(pointsAtKill).toBeLessThan(POINTS);

    const refPoints = new Map(filesUnder(join(reference, 'points')).map((f) => [f, readFileSync(join(reference, 'points', f), 'utf8')]));
    for (const f of filesUnder(out)) {
      const text = readFileSync(join(out, f), 'utf8');
      if (/\.tmp$/.test(f)) continue; // a temporary file is never an output: nothing reads it
      if (f.endsWith('.json')) expect(() => JSON.parse(text), `${relative(dir, join(out, f))} is whole JSON`).not.toThrow();
      if (f.startsWith('points/')) expect(text, f).toBe(refPoints.get(f.slice('points/'.length)));
      if (f === 'sweep.csv') expect(text, 'the previous complete table').toBe(referenceCsv);
    }

    const resumed = cli('sweep', sweepFile, '--workers', '2', '--out', out, '--resume', '--json');
    expect(resumed.err).toBe('');
    expect(resumed.code).toBe(0);
    expect(resumed.out).toBe(referenceJson);
    expect(readFileSync(join(out, 'sweep.csv'), 'utf8')).toBe(referenceCsv);
    const text = cli('sweep', sweepFile, '--workers', '1', '--out', out, '--resume');
    expect(text.out).toMatch(new RegExp(`kill-test: ${POINTS} design points \\(grid\\) × 2 replications, seed 11, 1 worker\\(s\\), ${POINTS} reused from `));
  }, 300_000);

  it('no source file writes a file except through the atomic writer', () => {
    const offenders: string[] = [];
    const src = 'src';
    for (const f of readdirSync(src, { recursive: true, encoding: 'utf8' })) {
      if (!f.endsWith('.ts') || f === join('core', 'atomicWrite.ts')) continue;
      const text = readFileSync(join(src, f), 'utf8');
      for (const api of ['writeFileSync', 'appendFileSync', 'createWriteStream', 'writeSync(', 'writeFile(', 'appendFile(', '.screenshot({ path']) if (text.includes(api)) offenders.push(`${f}: ${api}`);
    }
    expect(offenders).toEqual([]);
  });
});
