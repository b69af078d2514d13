import { loadScenario, type Scenario } from '../../src/scenario/load.js';

/** Overrides that shrink the baseline so a report test runs in about a second. */
export const SMALL = ['population.dibao.households=300', 'population.marginal.households=150', 'population.specialHardship.households=600', 'simulation.replications=2'];

/** The baseline (or another scenario file), shrunk for tests. */
export function smallScenario(file = 'scenarios/baseline-2016.yaml', extra: string[] = []): Scenario {
  return loadScenario(file, { set: [...SMALL, ...extra] });
}
