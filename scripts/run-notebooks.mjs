#!/usr/bin/env node
// Executes every notebook under notebooks/ headless with the tslab kernel and fails on any
// error output (tslab's error summary is blank, so nbconvert's exit code alone is not enough).
// Executed copies go to out/notebooks/. Usage: node scripts/run-notebooks.mjs [name-filter]
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(new URL('..', import.meta.url).pathname);
const outDir = join(root, 'out', 'notebooks');
const MAX_BYTES = 10 * 1024 * 1024;
mkdirSync(outDir, { recursive: true });
const filter = process.argv[2] ?? '';
const notebooks = readdirSync(join(root, 'notebooks')).filter((f) => f.endsWith('.ipynb') && f.includes(filter)).sort();
const env = { ...process.env, PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH}`, WUHOU_SIM_ROOT: root };

/**
 * Error outputs and any stderr text in an executed notebook. tslab reports compile errors
 * only as stderr lines such as `1:102 - File ... is not under 'rootDir'`, so all stderr counts.
 */
export function notebookErrors(nb) {
  const errors = [];
  nb.cells.forEach((cell, i) => {
    for (const o of cell.outputs ?? []) {
      const text = Array.isArray(o.text) ? o.text.join('') : (o.text ?? '');
      if (o.output_type === 'error') errors.push(`cell ${i + 1}: ${o.ename}: ${o.evalue}`);
      else if (o.output_type === 'stream' && o.name === 'stderr' && text.trim()) errors.push(`cell ${i + 1}: ${text.split('\n').slice(0, 6).join('\n')}`);
    }
  });
  return errors;
}

let passed = 0;
let failed = 0;
for (const name of notebooks) {
  const started = Date.now();
  const r = spawnSync(
    'jupyter',
    ['nbconvert', '--to', 'notebook', '--execute', '--allow-errors', '--ExecutePreprocessor.timeout=900', '--output-dir', outDir, join(root, 'notebooks', name)],
    { cwd: join(root, 'notebooks'), env, encoding: 'utf8' },
  );
  const problems = [];
  if (r.error) problems.push(`could not run jupyter: ${r.error.message} (run 'npm run setup')`);
  else if (r.status !== 0) problems.push(`nbconvert exited ${r.status}:\n${(r.stderr ?? '').split('\n').slice(-15).join('\n')}`);
  else {
    const outFile = join(outDir, name);
    const nb = JSON.parse(readFileSync(outFile, 'utf8'));
    problems.push(...notebookErrors(nb));
    const size = statSync(outFile).size;
    if (size > MAX_BYTES) problems.push(`executed notebook is ${(size / 1e6).toFixed(1)} MB, over the 10 MB limit`);
    if (nb.cells.every((c) => c.cell_type !== 'code' || (c.outputs ?? []).length === 0)) problems.push('no cell produced output');
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  if (problems.length) {
    failed++;
    console.log(`✗ ${name} (${secs} s)\n  ${problems.join('\n  ')}`);
  } else {
    passed++;
    console.log(`✓ ${name} (${secs} s)`);
  }
}
console.log(`notebooks: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
