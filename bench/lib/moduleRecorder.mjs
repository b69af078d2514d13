// `node --import <this file>`: records the URL of every module the process resolves into the
// file named by WUHOU_RECORD_MODULES, one per line, so a test or the benchmark can check
// what a command loads (the run command must not load danfojs-node or plotly). ES modules
// are seen by a resolve hook; CommonJS modules required from CommonJS by the require cache.
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';
import { pathToFileURL } from 'node:url';

register(new URL('./moduleRecorderHooks.mjs', import.meta.url).href, import.meta.url);

const file = process.env.WUHOU_RECORD_MODULES;
const cache = createRequire(import.meta.url).cache;
process.on('exit', () => {
  if (file) appendFileSync(file, Object.keys(cache).map((p) => `${pathToFileURL(p).href}\n`).join(''));
});
