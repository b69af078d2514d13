import { existsSync } from 'node:fs';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';
import { workerPath } from '../../src/engine/sweep/pool.js';

/**
 * A small, fast variant of the baseline for engine tests: one simulated year (2016) for
 * every programme and a population of 1,300 households. The engine's behaviour (pairing,
 * workers, summaries) does not depend on the size, and each replication takes a fraction
 * of a second instead of most of one.
 */
export const SMALL: Readonly<Record<string, unknown>> = {
  'simulation.start': '2016-01',
  'simulation.end': '2016-12',
  'supermarket.reporting.from': '2016-01',
  'supermarket.reporting.to': '2016-12',
  'pairing.start': '2016-01',
  'pairing.window.from': '2016-01',
  'pairing.window.to': '2016-12',
  'population.dibao.households': 600,
  'population.marginal.households': 300,
  'population.specialHardship.households': 400,
  'insurance.households': 150,
};

export const BASELINE_FILE = 'scenarios/baseline-2016.yaml';

let small: Scenario | undefined;

export function smallScenario(): Scenario {
  return (small ??= withOverrides(loadScenario(BASELINE_FILE), SMALL, 'tests/engine/fixtures.ts'));
}

/** Sweep and frontier tests start worker threads from dist/: fail clearly when it is not built. */
export function requireBuiltWorker(): void {
  if (!existsSync(workerPath())) throw new Error(`${workerPath()} is missing: run \`npm run build\` before the engine tests`);
}
