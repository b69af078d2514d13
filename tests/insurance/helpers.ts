import type { Ledger } from '../../src/core/ledger.js';
import type { HouseholdOutcomes } from '../../src/engine/outcomes.js';
import type { Population } from '../../src/population/columns.js';
import { runInsuranceReplication } from '../../src/programmes/insurance/standalone.js';
import type { Scenario } from '../../src/scenario/load.js';

export { BASELINE, baseline } from '../helpers/baseline.js';

export interface InsuranceRun {
  metrics: Record<string, number>;
  ledger: Ledger;
  outcomes: HouseholdOutcomes;
  population: Population;
  trace: string[];
}

/** Runs the insurance programme alone for one replication (no other programme's cost). */
export function runInsuranceOnly(scenario: Scenario, seed: number, replication: number, traceHousehold?: number): InsuranceRun {
  return runInsuranceReplication(scenario, seed, replication, traceHousehold);
}
