import { Calendar } from '../core/calendar.js';
import type { ProgrammeId } from '../core/accounts.js';
import { Ledger } from '../core/ledger.js';
import { StreamFactory } from '../core/rng/stream.js';
import type { Population } from '../population/columns.js';
import type { ScenarioValues } from '../scenario/catalogue.js';
import { allocateOutcomes, type HouseholdOutcomes } from './outcomes.js';
import type { ProgrammeContext } from './programme.js';

/** Where a programme writes the step-by-step account of one household (for `explain`). */
export interface Tracing {
  readonly traceHousehold: number;
  readonly trace: string[];
}

/**
 * What the programmes of one replication share (calendar, ledger, outcome columns), and the
 * context each runs in with its own streams. Every runner builds it here, the full replication
 * and a programme run alone alike, so a programme gets the same population and streams however
 * it is run and its metrics are the same.
 */
export interface ReplicationState {
  readonly calendar: Calendar;
  readonly ledger: Ledger;
  readonly outcomes: HouseholdOutcomes;
  /** The context programme `id` runs in; with `tracing`, it also writes its trace. */
  context(id: ProgrammeId, tracing?: Tracing): ProgrammeContext;
}

export function startReplication(values: ScenarioValues, population: Population, seed: number, replication: number): ReplicationState {
  const calendar = new Calendar(values.simulation.start, values.simulation.end);
  const ledger = new Ledger();
  const outcomes = allocateOutcomes(population.households.count);
  return {
    calendar,
    ledger,
    outcomes,
    context: (id, tracing) => ({ values, population, calendar, ledger, streams: new StreamFactory(seed, replication, id), outcomes, ...tracing }),
  };
}
