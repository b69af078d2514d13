import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareGolden, formatGoldenDiff, GOLDEN_REPLICATIONS, goldenSummary, goldenUnchanged } from '../../src/calibration/golden.js';
import { packageRoot } from '../../src/core/packageRoot.js';

/**
 * Does the golden suite catch a one-line change to a formula? The source tree is copied to a
 * temporary folder, one line of the model is changed there (the household assessment score:
 * the weight of income in the third party's need score), and the copy's golden summary of the
 * baseline is compared, as the golden test does, with the summary of the unchanged tree (what a
 * freshly updated golden file holds, so this test does not depend on tests/golden/ being up to
 * date). The control is in the same run: the metrics that do not use the score (population,
 * supermarket) must not move, so the copying itself changes nothing.
 */
const FILE = 'population/generate.ts';
const ORIGINAL = '0.25 * (1 - incomeTerm)';
const CHANGED = '0.3 * (1 - incomeTerm)';

const root = packageRoot();
const dirs: string[] = [];

/** A copy of src/ (node_modules linked) with `edit` applied; returns its golden module. */
async function copyOfSource(edit: (text: string) => string): Promise<typeof import('../../src/calibration/golden.js')> {
  const dir = mkdtempSync(join(tmpdir(), 'wuhou-golden-copy-'));
  dirs.push(dir);
  cpSync(join(root, 'src'), join(dir, 'src'), { recursive: true });
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  const file = join(dir, 'src', FILE);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return import(join(dir, 'src', 'calibration', 'golden.ts'));
}

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('the golden suite catches a one-line change to a formula', () => {
  it('the line to change is still in the model', () => {
    const text = readFileSync(join(root, 'src', FILE), 'utf8');
    expect(text.split(ORIGINAL).length - 1, `expected exactly one "${ORIGINAL}" in src/${FILE}: pick another line for this test`).toBe(1);
  });

  it('a copy with the changed line is reported, naming the metrics that moved', async () => {
    const golden = await copyOfSource((t) => t.replace(ORIGINAL, CHANGED));
    const file = join(root, 'scenarios', 'baseline-2016.yaml');
    const stored = goldenSummary(file, root, GOLDEN_REPLICATIONS);
    const fresh = golden.goldenSummary(file, root, GOLDEN_REPLICATIONS);
    const diff = compareGolden(stored, fresh);
    expect(goldenUnchanged(diff)).toBe(false);
    const moved = new Set(diff.moved.map((m) => m.metric));
    // The assessment score decides which special-hardship households are insured.
    expect([...moved].some((id) => id.startsWith('insurance.'))).toBe(true);
    // Control: what does not use the score is untouched, so the copy itself changes nothing else.
    const untouched = Object.keys(stored.metrics).filter((id) => id.startsWith('population.') || id.startsWith('supermarket.'));
    expect(untouched.length).toBeGreaterThan(10);
    expect(untouched.filter((id) => moved.has(id))).toEqual([]);
    expect(formatGoldenDiff(stored, fresh, diff)).toMatch(/insurance\.\S+ \[[^\]]+\]: mean .+ → .+ \(Δ /);
  });
});
