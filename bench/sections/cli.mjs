// CLI start-up: wall time of `wuhou-sim run scenarios/baseline-2016.yaml --reps 1`, and the
// modules that command loads (it must not load danfojs-node or plotly).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../lib/paths.mjs';

const ARGS = ['bin/wuhou-sim', 'run', 'scenarios/baseline-2016.yaml', '--reps', '1'];

function wall(args, env = process.env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env });
  const s = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return s;
}

const TIME = '/usr/bin/time';

/** CPU seconds (user + system) of a command, through /usr/bin/time; null where it is missing. */
function cpu(args) {
  if (!existsSync(TIME)) return null;
  const r = spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...args], { cwd: ROOT, encoding: 'utf8' });
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  return r.status === 0 && m ? Number(m[1]) + Number(m[2]) : null;
}

/** The modules a CLI command resolves, as URLs. */
export function modulesLoaded(args) {
  const dir = mkdtempSync(join(tmpdir(), 'wuhou-modules-'));
  const file = join(dir, 'modules.txt');
  try {
    wall(['--import', join(ROOT, 'bench', 'lib', 'moduleRecorder.mjs'), ...args], { ...process.env, WUHOU_RECORD_MODULES: file });
    return [...new Set(readFileSync(file, 'utf8').split('\n').filter(Boolean))];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export default async function cli({ repeats = 3 }) {
  const node = Math.min(...Array.from({ length: repeats }, () => wall(['-e', ''])));
  const run = Math.min(...Array.from({ length: repeats }, () => wall(ARGS)));
  const cpuS = cpu(ARGS);
  const modules = modulesLoaded(ARGS);
  // Our own modules may mention plotly (report/plotlyBundle.js reads the bundle only when a report is written); the packages must not load.
  const heavy = modules.filter((u) => /\/node_modules\/(danfojs-node|danfojs|plotly\.js-dist-min|plotly\.js)\//.test(u));
  return { command: `./${ARGS.join(' ')}`, cliStartS: run, cliCpuS: cpuS, nodeStartS: node, modules: modules.length, heavyModules: heavy };
}
