import { runPairingReplication, type PairingReplication } from '../../src/programmes/pairing/runOnly.js';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';

let cached: Scenario | undefined;

/** The baseline scenario, with optional overrides by parameter path. */
export function baseline(overrides: Record<string, unknown> = {}): Scenario {
  cached ??= loadScenario('scenarios/baseline-2016.yaml');
  return Object.keys(overrides).length ? withOverrides(cached, overrides) : cached;
}

export type PairingResult = PairingReplication;

/** Runs the pairing programme alone on the scenario's population (fast: no other programme). */
export function runPairing(scenario: Scenario, seed = 2016, replication = 0, traceHousehold?: number): PairingResult {
  return runPairingReplication(scenario, seed, replication, traceHousehold);
}
