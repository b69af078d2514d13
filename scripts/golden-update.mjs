#!/usr/bin/env node
// Recomputes the golden summary of every shipped scenario (scenarios/*.yaml) and rewrites
// tests/golden/<scenario>.json, printing what moved and by how much. Runs the built dist/,
// so build first (`npm run golden:update` does). When is updating legitimate? See
// docs/calibration.md: only after an intended change to the model, reviewed metric by metric.
//
// Usage: node scripts/golden-update.mjs [--check] [scenario-name…]
//   --check   write nothing; exit 1 if any summary moved (for CI)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
process.env.WUHOU_SIM_ROOT ??= root;
const dist = (p) => join(root, 'dist', p);
if (!existsSync(dist('calibration/golden.js'))) {
  process.stderr.write('dist/ is not built: run `npm run build` first (npm run golden:update does).\n');
  process.exit(2);
}
const golden = await import(pathToFileURL(dist('calibration/golden.js')).href);
const { writeFileAtomic } = await import(pathToFileURL(dist('core/atomicWrite.js')).href);

const args = process.argv.slice(2);
const check = args.includes('--check');
const names = args.filter((a) => !a.startsWith('--'));
const files = golden.shippedScenarioFiles(root).filter((f) => names.length === 0 || names.includes(basename(f).replace(/\.ya?ml$/, '')));
if (names.length && files.length !== names.length) {
  process.stderr.write(`unknown scenario name(s): ${names.filter((n) => !files.some((f) => basename(f).startsWith(`${n}.`))).join(', ')}\n`);
  process.exit(2);
}

let changed = 0;
for (const file of files) {
  const started = Date.now();
  const fresh = golden.goldenSummary(file, root);
  const path = golden.goldenPath(file, root);
  const shown = path.slice(root.length + 1);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!existsSync(path)) {
    changed++;
    process.stdout.write(`${shown}: new (${Object.keys(fresh.metrics).length} metrics, seed ${fresh.seed}, ${fresh.replications} replications, ${seconds} s)\n`);
  } else {
    const stored = JSON.parse(readFileSync(path, 'utf8'));
    const diff = golden.compareGolden(stored, fresh);
    if (golden.goldenUnchanged(diff)) {
      process.stdout.write(`${shown}: unchanged (${Object.keys(fresh.metrics).length} metrics; largest sub-tolerance difference ${diff.largestBelowTolerance.toExponential(1)}; ${seconds} s)\n`);
      continue;
    }
    changed++;
    const moved = new Set(diff.moved.map((m) => m.metric)).size;
    const what = [moved && `${moved} metric(s) moved beyond the tolerance`, diff.added.length && `${diff.added.length} added`, diff.removed.length && `${diff.removed.length} gone`, diff.settings.length && 'settings changed'].filter(Boolean).join(', ');
    process.stdout.write(`${shown}: ${what} (${seconds} s)\n${golden.formatGoldenDiff(stored, fresh, diff)}\n`);
  }
  if (!check) writeFileAtomic(path, golden.goldenText(fresh));
}
// Golden files whose scenario is gone would never be checked again: say so.
const known = new Set(golden.shippedScenarioFiles(root).map((f) => basename(f).replace(/\.ya?ml$/, '')));
const goldenDir = join(root, 'tests', 'golden');
for (const f of existsSync(goldenDir) ? readdirSync(goldenDir) : []) {
  if (f.endsWith('.json') && !known.has(f.replace(/\.json$/, ''))) process.stdout.write(`tests/golden/${f}: no scenario of that name any more; delete it\n`);
}
if (check) process.exit(changed ? 1 : 0);
process.stdout.write(changed ? `\nrewrote ${changed} golden file(s): review the changes above and commit them with the change that caused them\n` : '\nnothing to update\n');
