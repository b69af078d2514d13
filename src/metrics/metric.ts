import type { ProgrammeId } from '../core/accounts.js';

/** A number the model reports, with its unit, labels, window and the parameters it uses. */
export interface MetricSpec {
  readonly id: string;
  readonly programme: ProgrammeId | 'engine';
  readonly unit: string;
  readonly zh: string;
  readonly en: string;
  /** The reporting window in words, e.g. "2013-02 to 2017-01 (cumulative)". */
  readonly window: string;
  /** Parameter paths (or path prefixes ending in `.`) the metric depends on: `explain` lists these. */
  readonly dependsOn: readonly string[];
}
