import { benchmarkYear } from '../../src/engine/benchmarkYear.js';
import { loadScenario, type Scenario } from '../../src/scenario/load.js';

export const BASELINE = 'scenarios/baseline-2016.yaml';

let cached: Scenario | undefined;

/** The baseline scenario as loaded from its file. */
export function baseline(): Scenario {
  cached ??= loadScenario(BASELINE);
  return cached;
}

/** The benchmark's baseline year with about `households` households (src/engine/benchmarkYear.ts). */
export function baselineYear(households: number, extra: Record<string, unknown> = {}): Scenario {
  return benchmarkYear(baseline(), households, extra);
}
