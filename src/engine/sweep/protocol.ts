import type { MetricSummary } from '../../metrics/summary.js';
import type { Scenario } from '../../scenario/load.js';

/**
 * Messages of the sweep pool. Callers give the pool whole design points (PointTask) and get
 * one PointDone or PointFailed per point. Between the pool and its worker threads a point
 * travels as one or more runs of consecutive replications (ReplicationsTask), so that a
 * few points with many replications still keep every thread busy. Plain data only
 * (structured clone). The pool applies and validates each point's overrides itself and
 * sends a thread the point's scenario with its first run of that point, so the threads
 * load the simulation only, not the scenario loader.
 */

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

/** To a worker thread: run replications `from` … `to` − 1 of one design point. */
export interface ReplicationsTask {
  readonly type: 'replications';
  /** Which message this is: the reply carries it back, so a late reply can never be taken for another run's. */
  readonly id: number;
  /** The point's scenario, when the thread's last run was of another point; otherwise the thread keeps the one it has. */
  readonly scenario?: Scenario;
  readonly from: number;
  readonly to: number;
  readonly seed: number;
  readonly metrics: readonly string[];
}

/** From a worker thread: the metrics' values in those replications (see evaluateReplications for the layout). */
export interface ReplicationsDone {
  readonly type: 'values';
  readonly id: number;
  readonly values: Float64Array;
}

/** From a worker thread: the run could not be simulated. */
export interface ReplicationsFailed {
  readonly type: 'failed';
  readonly id: number;
  readonly error: string;
  readonly stack?: string;
}

export type WorkerMessage = ReplicationsTask;
export type ThreadReply = ReplicationsDone | ReplicationsFailed;
