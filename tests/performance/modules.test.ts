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

  it('run loads its own command only: no other command, sweep, frontier, calibration or report code', () => {
    const r = modulesLoaded(['bin/wuhou-sim', 'run', 'scenarios/baseline-2016.yaml', '--reps', '1']);
    expect(r.code).toBe(0);
    const ours = r.modules.filter((u) => u.includes('/dist/')).map((u) => u.slice(u.indexOf('/dist/') + '/dist/'.length));
    expect(ours).toContain('cli/commands/run.js');
    expect(ours).toContain('engine/simulate.js');
    const commands = ours.filter((m) => m.startsWith('cli/commands/'));
    expect(commands.sort()).toEqual(['cli/commands/index.js', 'cli/commands/run.js']);
    // The CLI tells sweep errors apart through their own small file, not the sweep code.
    // (A programme may use a small chart helper of report/figures; the report writer, HTML and plotly bundle code must not load.)
    const otherCommands = /^(engine\/sweep\/|engine\/frontier\/|engine\/compare\.js|calibration\/|report\/(write|chartHtml|plotlyBundle|html\/))/;
    expect(ours.filter((m) => otherCommands.test(m) && m !== 'engine/sweep/errors.js')).toEqual([]);
    // A roster reader is loaded only for --households/--persons.
    expect(ours).not.toContain('population/roster.js');
  });

  it('--help lists the commands without loading any of them', () => {
    const r = modulesLoaded(['bin/wuhou-sim', '--help']);
    expect(r.code).toBe(0);
    const ours = r.modules.filter((u) => u.includes('/dist/'));
    expect(ours.some((u) => u.endsWith('/dist/cli/commands/index.js'))).toBe(true);
    expect(ours.filter((u) => /\/dist\/(cli\/commands\/(?!index\.js)|engine\/)/.test(u) && !u.endsWith('/engine/sweep/errors.js'))).toEqual([]);
  });

  it('the recorder sees a CommonJS package required from CommonJS (the check can fail)', () => {
    const r = modulesLoaded(['--input-type=module', '-e', "import { createRequire } from 'node:module'; createRequire(import.meta.url)('seedrandom/lib/alea.js');"]);
    expect(r.code).toBe(0);
    expect(r.modules.some((u) => u.endsWith('/node_modules/seedrandom/lib/alea.js'))).toBe(true);
  });
});
