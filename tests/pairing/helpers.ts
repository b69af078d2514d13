import { runPairingReplication, type PairingReplication } from '../../src/programmes/pairing/runOnly.js';
import type { Scenario } from '../../src/scenario/load.js';

export { BASELINE, baseline } from '../helpers/baseline.js';

export type PairingResult = PairingReplication;

/** Runs the pairing programme alone on the scenario's population (fast: no other programme). */
export function runPairing(scenario: Scenario, seed = 2016, replication = 0, traceHousehold?: number): PairingResult {
  return runPairingReplication(scenario, seed, replication, traceHousehold);
}
