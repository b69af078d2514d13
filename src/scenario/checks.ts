import type { ScenarioValues } from './catalogue.js';

/** A problem found by a rule that spans several parameters (e.g. a limit below its deductible). */
export interface CheckIssue {
  path: string;
  problem: string;
  got: unknown;
  expected: string;
}

/** A cross-parameter rule, run once every single value is valid. */
export type ScenarioCheck = (values: ScenarioValues) => CheckIssue[];
