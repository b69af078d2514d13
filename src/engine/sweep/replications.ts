import type { Scenario } from '../../scenario/load.js';
import { runReplication } from '../simulate.js';

/**
 * Runs replications `from` … `to` − 1 of a scenario on `seed` and returns the requested
 * metrics' values metric-major: metric m's value in replication from + k is at
 * m × (to − from) + k. Each replication depends only on (scenario, seed, replication), so
 * a point's replications give the same numbers however they are split between threads.
 * (Its own file so that sweep threads load the simulation without the scenario loader.)
 */
export function evaluateReplications(scenario: Scenario, seed: number, from: number, to: number, metrics: readonly string[]): Float64Array {
  const count = to - from;
  const values = new Float64Array(metrics.length * count);
  for (let r = from; r < to; r++) {
    const produced = runReplication(scenario, seed, r).metrics;
    for (let m = 0; m < metrics.length; m++) {
      const v = produced[metrics[m]!];
      if (v === undefined) throw new Error(`metric ${metrics[m]} was not reported by the simulation`);
      values[m * count + r - from] = v;
    }
  }
  return values;
}
