import type { Ledger } from '../../src/core/ledger.js';
import type { HouseholdOutcomes } from '../../src/engine/outcomes.js';
import { startReplication } from '../../src/engine/replicationState.js';
import type { Population } from '../../src/population/columns.js';
import { generatePopulation } from '../../src/population/generate.js';
import { supermarketProgramme } from '../../src/programmes/supermarket/index.js';
import type { Scenario } from '../../src/scenario/load.js';

export { BASELINE, baseline } from '../helpers/baseline.js';

export interface SupermarketRun {
  metrics: Record<string, number>;
  ledger: Ledger;
  outcomes: HouseholdOutcomes;
  population: Population;
  trace: string[];
}

/** Runs the supermarket alone for one replication (no other programme's cost or draws). */
export function runSupermarketOnly(scenario: Scenario, seed: number, replication: number, options: { population?: Population; traceHousehold?: number } = {}): SupermarketRun {
  const values = scenario.values;
  const population = options.population ?? generatePopulation(values, seed, replication);
  const state = startReplication(values, population, seed, replication);
  const { ledger, outcomes } = state;
  const trace: string[] = [];
  const metrics = supermarketProgramme.run(state.context('supermarket', options.traceHousehold !== undefined ? { traceHousehold: options.traceHousehold, trace } : undefined));
  return { metrics, ledger, outcomes, population, trace };
}

/** Mean of each metric over replications 0..n−1. */
export function meanMetrics(scenario: Scenario, seed: number, n: number): Record<string, number> {
  const sums: Record<string, number> = {};
  for (let r = 0; r < n; r++) for (const [id, v] of Object.entries(runSupermarketOnly(scenario, seed, r).metrics)) sums[id] = (sums[id] ?? 0) + v;
  return Object.fromEntries(Object.entries(sums).map(([id, s]) => [id, s / n]));
}

/** Fewer eligible households (same shape) for tests that loop over many scenarios. */
export const SMALL_POPULATION = {
  'population.dibao.households': 360,
  'population.marginal.households': 180,
};
