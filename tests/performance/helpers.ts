import { CATEGORIES } from '../../src/population/parameters.js';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';

export const BASELINE = 'scenarios/baseline-2016.yaml';

let cached: Scenario | undefined;

/** The baseline scenario as loaded from its file. */
export function baseline(): Scenario {
  cached ??= loadScenario(BASELINE);
  return cached;
}

/**
 * The baseline with its population scaled to about `households` households (each category
 * keeps its share) over one calendar year, 2016, with the pairing platform moved to 2016 so
 * that all three programmes run: the benchmark's "baseline year" (see bench/scale.mjs).
 */
export function baselineYear(households: number, extra: Record<string, unknown> = {}): Scenario {
  const base = baseline();
  const p = base.values.population;
  const total = CATEGORIES.reduce((s, c) => s + p[c].households, 0);
  const overrides: Record<string, unknown> = {
    'simulation.start': '2016-01',
    'simulation.end': '2016-12',
    'pairing.start': '2016-01',
    'pairing.window.from': '2016-01',
    'pairing.window.to': '2016-12',
    ...extra,
  };
  for (const c of CATEGORIES) overrides[`population.${c}.households`] = Math.round((p[c].households * households) / total);
  return withOverrides(base, overrides);
}
