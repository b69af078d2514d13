import { Calendar } from '../../src/core/calendar.js';
import { Ledger } from '../../src/core/ledger.js';
import { StreamFactory } from '../../src/core/rng/stream.js';
import { allocateOutcomes, type HouseholdOutcomes } from '../../src/engine/outcomes.js';
import { generatePopulation } from '../../src/population/generate.js';
import { computePairingMetrics } from '../../src/programmes/pairing/metrics.js';
import { simulatePairing, type PairingRun } from '../../src/programmes/pairing/simulatePairing.js';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';

let cached: Scenario | undefined;

/** The baseline scenario, with optional overrides by parameter path. */
export function baseline(overrides: Record<string, unknown> = {}): Scenario {
  cached ??= loadScenario('scenarios/baseline-2016.yaml');
  return Object.keys(overrides).length ? withOverrides(cached, overrides) : cached;
}

export interface PairingResult {
  run: PairingRun;
  ledger: Ledger;
  calendar: Calendar;
  outcomes: HouseholdOutcomes;
  metrics: Record<string, number>;
  trace: string[];
}

/** Runs the pairing programme alone on the scenario's population (fast: no other programme). */
export function runPairing(scenario: Scenario, seed = 2016, replication = 0, traceHousehold?: number): PairingResult {
  const values = scenario.values;
  const population = generatePopulation(values, seed, replication);
  const calendar = new Calendar(values.simulation.start, values.simulation.end);
  const ledger = new Ledger();
  const outcomes = allocateOutcomes(population.households.count);
  const trace: string[] = [];
  const run = simulatePairing({
    values,
    population,
    calendar,
    ledger,
    streams: new StreamFactory(seed, replication, 'pairing'),
    outcomes,
    ...(traceHousehold !== undefined ? { traceHousehold, trace } : {}),
  });
  return { run, ledger, calendar, outcomes, metrics: computePairingMetrics(run), trace };
}
