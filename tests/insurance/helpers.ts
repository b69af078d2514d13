import { Calendar } from '../../src/core/calendar.js';
import { Ledger } from '../../src/core/ledger.js';
import { StreamFactory } from '../../src/core/rng/stream.js';
import { allocateOutcomes, type HouseholdOutcomes } from '../../src/engine/outcomes.js';
import type { Population } from '../../src/population/columns.js';
import { generatePopulation } from '../../src/population/generate.js';
import { insuranceProgramme } from '../../src/programmes/insurance/index.js';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';

export const BASELINE = 'scenarios/baseline-2016.yaml';

let cached: Scenario | undefined;

/** The baseline scenario, optionally with overrides by path. */
export function baseline(overrides: Record<string, unknown> = {}): Scenario {
  cached ??= loadScenario(BASELINE);
  return Object.keys(overrides).length ? withOverrides(cached, overrides) : cached;
}

export interface InsuranceRun {
  metrics: Record<string, number>;
  ledger: Ledger;
  outcomes: HouseholdOutcomes;
  population: Population;
  trace: string[];
}

/** Runs the insurance programme alone for one replication (no other programme's cost). */
export function runInsuranceOnly(scenario: Scenario, seed: number, replication: number, traceHousehold?: number): InsuranceRun {
  const values = scenario.values;
  const population = generatePopulation(values, seed, replication);
  const calendar = new Calendar(values.simulation.start, values.simulation.end);
  const ledger = new Ledger();
  const outcomes = allocateOutcomes(population.households.count);
  const trace: string[] = [];
  const metrics = insuranceProgramme.run({
    values,
    population,
    calendar,
    ledger,
    streams: new StreamFactory(seed, replication, 'insurance'),
    outcomes,
    ...(traceHousehold !== undefined ? { traceHousehold, trace } : {}),
  });
  return { metrics, ledger, outcomes, population, trace };
}

/** Mean of a metric over replications 0..n-1. */
export function meanMetric(scenario: Scenario, seed: number, n: number, id: string): number {
  let s = 0;
  for (let r = 0; r < n; r++) s += runInsuranceOnly(scenario, seed, r).metrics[id]!;
  return s / n;
}
