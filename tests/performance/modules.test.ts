import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const RECORDER = resolve('bench/lib/moduleRecorder.mjs');

/** Runs node with the module recorder (npm test builds dist/ first) and returns the module URLs it loaded. */
function modulesLoaded(args: string[]): { code: number | null; modules: string[]; err: string } {
  const dir = mkdtempSync(join(tmpdir(), 'wuhou-modules-'));
  const file = join(dir, 'modules.txt');
  try {
    const r = spawnSync(process.execPath, ['--import', RECORDER, ...args], { encoding: 'utf8', env: { ...process.env, WUHOU_RECORD_MODULES: file } });
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      /* nothing recorded */
    }
    return { code: r.status, modules: [...new Set(text.split('\n').filter(Boolean))], err: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const HEAVY = /\/node_modules\/(danfojs-node|danfojs|plotly\.js-dist-min|plotly\.js)\//;

describe('the run command stays light', () => {
  it('run --reps 1 loads neither danfojs-node nor plotly.js', () => {
    const r = modulesLoaded(['bin/wuhou-sim', 'run', 'scenarios/baseline-2016.yaml', '--reps', '1']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    // The recorder saw the command's own graph (so an empty list cannot pass by accident) …
    expect(r.modules.some((u) => u.endsWith('/dist/cli/main.js'))).toBe(true);
    expect(r.modules.some((u) => u.includes('/node_modules/seedrandom/'))).toBe(true);
    // … and nothing heavy in it.
    expect(r.modules.filter((u) => HEAVY.test(u))).toEqual([]);
  });

  it('the recorder sees a CommonJS package required from CommonJS (the check can fail)', () => {
    const r = modulesLoaded(['--input-type=module', '-e', "import { createRequire } from 'node:module'; createRequire(import.meta.url)('seedrandom/lib/alea.js');"]);
    expect(r.code).toBe(0);
    expect(r.modules.some((u) => u.endsWith('/node_modules/seedrandom/lib/alea.js'))).toBe(true);
  });
});
