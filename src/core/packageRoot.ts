import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

let cached: string | undefined;

/**
 * The folder of the wuhou-sim package (where package.json, scenarios/ and dist/ are).
 * Found from WUHOU_SIM_ROOT (set by bin/wuhou-sim), else by walking up from the working
 * directory. Not from import.meta: notebooks compile src/ to CommonJS, where it does not exist.
 */
export function packageRoot(): string {
  if (cached) return cached;
  const fromEnv = process.env.WUHOU_SIM_ROOT;
  if (fromEnv && existsSync(join(fromEnv, 'package.json'))) return (cached = resolve(fromEnv));
  let dir = process.cwd();
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg)) {
      try {
        if ((JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'wuhou-sim') return (cached = dir);
      } catch {
        // not ours; keep walking
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the wuhou-sim package folder: run from inside it or set WUHOU_SIM_ROOT');
    dir = parent;
  }
}
