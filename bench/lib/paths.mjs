// Where things are: the repository root, the built library, the baseline scenario, the peer.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASELINE = join(ROOT, 'scenarios', 'baseline-2016.yaml');
export const PEER = process.env.WUHOU_BENCH_PEER ?? join(ROOT, '..', 'shared', 'peers', 'numpy_supermarket.py');
export const PYTHON = process.env.WUHOU_BENCH_PYTHON ?? '/usr/bin/python3';

/** Imports a module of the built library (dist/), e.g. `lib('engine/simulate.js')`. */
export function lib(path) {
  return import(pathToFileURL(join(ROOT, 'dist', path)).href);
}
