import { join } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import { loadScenario, type Scenario } from '../scenario/load.js';

/** The scenario a command runs when none is named. */
export function defaultScenarioPath(): string {
  return join(packageRoot(), 'scenarios', 'baseline-2016.yaml');
}

/** Loads the named scenario (or the baseline) with `--set` overrides; throws ScenarioError on bad input. */
export function loadScenarioArg(file: string | undefined, sets: readonly string[] = []): Scenario {
  return loadScenario(file ?? defaultScenarioPath(), { set: sets });
}
