// Programme contexts built as src/engine/simulate.ts's runReplication builds them, for the
// supermarket section, which times a programme's `run` on its own: one calendar, one
// ledger and one set of outcome columns per replication, shared by its programmes, and each
// programme drawing from its own StreamFactory(seed, replication, programme id).
import { lib } from './paths.mjs';

/**
 * Loads the built library's pieces and returns `startReplication(values, population, seed, replication)`,
 * which makes one replication's shared state: `{ calendar, ledger, outcomes, contextFor(programmeId) }`.
 */
export async function replicationContexts() {
  const { Calendar } = await lib('core/calendar.js');
  const { Ledger } = await lib('core/ledger.js');
  const { StreamFactory } = await lib('core/rng/stream.js');
  const { allocateOutcomes } = await lib('engine/outcomes.js');
  return function startReplication(values, population, seed, replication) {
    const calendar = new Calendar(values.simulation.start, values.simulation.end);
    const ledger = new Ledger();
    const outcomes = allocateOutcomes(population.households.count);
    const contextFor = (programmeId) => ({ values, population, calendar, ledger, streams: new StreamFactory(seed, replication, programmeId), outcomes });
    return { calendar, ledger, outcomes, contextFor };
  };
}
