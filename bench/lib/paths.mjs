// Where things are: the repository root, the built library, the baseline scenario, the peer.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BASELINE = join(ROOT, 'scenarios', 'baseline-2016.yaml');
export const PEER = process.env.WUHOU_BENCH_PEER ?? join(ROOT, '..', 'shared', 'peers', 'numpy_supermarket.py');
export const PYTHON = process.env.WUHOU_BENCH_PYTHON ?? '/usr/bin/python3';

/** The built library; WUHOU_BENCH_DIST points the sections at another build (to compare two versions). */
export const DIST = process.env.WUHOU_BENCH_DIST ?? join(ROOT, 'dist');

/** Imports a module of the built library, e.g. `lib('engine/simulate.js')`. */
export function lib(path) {
  return import(pathToFileURL(join(DIST, path)).href);
}
