import type { MetricSummary } from '../../metrics/summary.js';
import type { Scenario } from '../../scenario/load.js';

/**
 * Messages between the sweep pool and its worker threads. Plain data only (structured
 * clone): the base scenario once, then one task per design point.
 */

/** First message to a worker: the scenario every task overrides. */
export interface InitMessage {
  readonly type: 'init';
  readonly base: Scenario;
}

/** Simulate one design point. */
export interface PointTask {
  readonly type: 'point';
  /** Position in the design: results are assembled by this, never by finishing order. */
  readonly index: number;
  readonly overrides: Readonly<Record<string, unknown>>;
  readonly seed: number;
  readonly replications: number;
  readonly metrics: readonly string[];
  /** Also return each metric's value in each replication (the frontier's intervals of sums need them). */
  readonly perReplication?: boolean;
}

export interface PointDone {
  readonly type: 'done';
  readonly index: number;
  readonly metrics: Record<string, MetricSummary>;
  readonly perReplication?: Record<string, number[]>;
}

export interface PointFailed {
  readonly type: 'failed';
  readonly index: number;
  readonly error: string;
  readonly stack?: string;
}

export type WorkerReply = PointDone | PointFailed;
export type WorkerMessage = InitMessage | PointTask;
