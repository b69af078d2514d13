import type { Ledger } from '../../core/ledger.js';
import type { HouseholdOutcomes } from '../../engine/outcomes.js';
import { startReplication } from '../../engine/replicationState.js';
import { mean } from '../../metrics/summary.js';
import type { Population } from '../../population/columns.js';
import { generatePopulation } from '../../population/generate.js';
import type { Scenario } from '../../scenario/load.js';
import { runSupermarket } from './run.js';

export interface SupermarketReplications {
  /** Mean of each supermarket metric over the replications. */
  readonly mean: Record<string, number>;
  /** Each metric's value per replication, in replication order. */
  readonly perReplication: Record<string, number[]>;
  /** The first replication's population, outcome columns and ledger, for household tables. */
  readonly first: { population: Population; outcomes: HouseholdOutcomes; ledger: Ledger };
}

/**
 * Runs only the supermarket, on the same population and streams as `simulate()` uses for
 * it (so its numbers equal the full engine's supermarket metrics), for sweeps where the
 * other programmes' work would only cost time. Replications 0..n−1 of `seed`.
 */
export function simulateSupermarket(scenario: Scenario, options: { seed?: number; replications?: number } = {}): SupermarketReplications {
  const values = scenario.values;
  const seed = options.seed ?? values.simulation.seed;
  const n = Math.max(1, options.replications ?? values.simulation.replications);
  const perReplication: Record<string, number[]> = {};
  let first: SupermarketReplications['first'] | undefined;
  for (let r = 0; r < n; r++) {
    const population = generatePopulation(values, seed, r);
    const state = startReplication(values, population, seed, r);
    const { ledger, outcomes } = state;
    const metrics = runSupermarket(state.context('supermarket'));
    for (const [id, v] of Object.entries(metrics)) (perReplication[id] ??= []).push(v);
    if (r === 0) first = { population, outcomes, ledger };
  }
  const means = Object.fromEntries(Object.entries(perReplication).map(([id, v]) => [id, mean(v)]));
  return { mean: means, perReplication, first: first! };
}
