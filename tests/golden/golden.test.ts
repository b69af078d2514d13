import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareGolden, formatGoldenDiff, goldenPath, goldenSummary, goldenUnchanged, shippedScenarioFiles, type GoldenSummary } from '../../src/calibration/golden.js';

/**
 * The golden regression suite: every shipped scenario, re-simulated at its stored seed and
 * replications, must reproduce its stored summary within the tolerance rule of
 * src/calibration/golden.ts. When a change to the model is intended, run
 * `npm run golden:update`, read the printed diff, and commit the new files with the change.
 */
const UPDATE_HINT = 'If this change is intended, run `npm run golden:update`, review the diff it prints and commit tests/golden/ with the change (docs/calibration.md).';

describe('golden summaries', () => {
  const files = shippedScenarioFiles();

  it('exist for every shipped scenario, and only for those', () => {
    const missing = files.filter((f) => !existsSync(goldenPath(f))).map((f) => basename(f));
    expect(missing, `scenarios without a golden summary. ${UPDATE_HINT}`).toEqual([]);
    const names = new Set(files.map((f) => basename(f).replace(/\.ya?ml$/, '')));
    const stale = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.json') && !names.has(f.replace(/\.json$/, '')));
    expect(stale, 'golden files whose scenario is gone').toEqual([]);
  });

  for (const file of files) {
    it(`${basename(file)} reproduces its stored summary`, () => {
      const path = goldenPath(file);
      if (!existsSync(path)) return; // reported by the test above
      const stored = JSON.parse(readFileSync(path, 'utf8')) as GoldenSummary;
      const fresh = goldenSummary(file);
      const diff = compareGolden(stored, fresh);
      if (!goldenUnchanged(diff)) expect.fail(`${basename(path)} moved:\n${formatGoldenDiff(stored, fresh, diff)}\n${UPDATE_HINT}`);
    });
  }
});
