import type { ProgrammeId } from '../core/accounts.js';
import type { Calendar } from '../core/calendar.js';
import type { Ledger } from '../core/ledger.js';
import type { StreamFactory } from '../core/rng/stream.js';
import type { MetricSpec } from '../metrics/metric.js';
import type { Population } from '../population/columns.js';
import type { ScenarioValues } from '../scenario/catalogue.js';
import type { HouseholdOutcomes } from './outcomes.js';

/** What a programme gets for one replication. It may draw only from its own streams. */
export interface ProgrammeContext {
  readonly values: ScenarioValues;
  readonly population: Population;
  readonly calendar: Calendar;
  /** Post aggregated transfers here (one per flow and month, not per household). */
  readonly ledger: Ledger;
  /** Streams owned by this programme: `streams.stream('visits')` etc. */
  readonly streams: StreamFactory;
  /** Per-household result columns the programme fills (benefit, enrolment, its own columns). */
  readonly outcomes: HouseholdOutcomes;
  /** When set, the programme records a step-by-step trace of this household index (for `explain`). */
  readonly traceHousehold?: number;
  readonly trace?: string[];
}

/**
 * One of the three relief programmes. `run` simulates one replication month by month,
 * posts its money to the ledger, fills its outcome columns and returns its metrics
 * (metric id → value in the metric's unit). It never reads another programme's results.
 */
export interface ProgrammeModule {
  readonly id: ProgrammeId;
  readonly metrics: readonly MetricSpec[];
  run(ctx: ProgrammeContext): Record<string, number>;
}
