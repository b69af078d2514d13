import type { Ledger } from '../../core/ledger.js';
import type { HouseholdOutcomes } from '../../engine/outcomes.js';
import { startReplication } from '../../engine/replicationState.js';
import { summarise, type MetricSummary } from '../../metrics/summary.js';
import type { Population } from '../../population/columns.js';
import { generatePopulation } from '../../population/generate.js';
import type { Scenario } from '../../scenario/load.js';
import { runInsurance } from './run.js';

export interface InsuranceReplication {
  readonly metrics: Record<string, number>;
  readonly ledger: Ledger;
  readonly outcomes: HouseholdOutcomes;
  readonly population: Population;
  readonly trace: string[];
}

/**
 * One replication of the insurance programme alone: the same population and the same
 * `insurance` streams as `runReplication`, so its metrics equal those of a full simulation,
 * without the cost of the other programmes. For notebooks and insurance-only sweeps.
 */
export function runInsuranceReplication(scenario: Scenario, seed: number, replication: number, traceHousehold?: number): InsuranceReplication {
  const values = scenario.values;
  const population = generatePopulation(values, seed, replication);
  const state = startReplication(values, population, seed, replication);
  const { ledger, outcomes } = state;
  const trace: string[] = [];
  const metrics = runInsurance(state.context('insurance', traceHousehold !== undefined ? { traceHousehold, trace } : undefined));
  return { metrics, ledger, outcomes, population, trace };
}

/** Replications 0..n−1 of the insurance programme alone: each metric per replication and summarised. */
export function simulateInsurance(scenario: Scenario, options: { seed?: number; replications?: number } = {}): { perReplication: Record<string, number[]>; metrics: Record<string, MetricSummary> } {
  const seed = options.seed ?? scenario.values.simulation.seed;
  const n = options.replications ?? scenario.values.simulation.replications;
  const perReplication: Record<string, number[]> = {};
  for (let r = 0; r < n; r++) {
    for (const [id, v] of Object.entries(runInsuranceReplication(scenario, seed, r).metrics)) (perReplication[id] ??= []).push(v);
  }
  const metrics: Record<string, MetricSummary> = {};
  for (const [id, values] of Object.entries(perReplication)) metrics[id] = summarise(values);
  return { perReplication, metrics };
}
