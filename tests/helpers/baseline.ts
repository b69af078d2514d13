import { ScenarioError } from '../../src/scenario/issues.js';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';

export const BASELINE = 'scenarios/baseline-2016.yaml';

let cached: Scenario | undefined;

/** The baseline scenario (loaded once), optionally with overrides by parameter path. */
export function baseline(overrides: Record<string, unknown> = {}): Scenario {
  cached ??= loadScenario(BASELINE);
  return Object.keys(overrides).length ? withOverrides(cached, overrides) : cached;
}

/** The validation messages of the baseline with these overrides, or '' when it is valid. */
export function validationProblem(overrides: Record<string, unknown>): string {
  try {
    baseline(overrides);
    return '';
  } catch (e) {
    if (e instanceof ScenarioError) return e.message;
    throw e;
  }
}
