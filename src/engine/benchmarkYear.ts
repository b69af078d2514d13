import { CATEGORIES } from '../population/parameters.js';
import { withOverrides, type Scenario } from '../scenario/load.js';

/**
 * The benchmark's workload: `base` over one calendar year, 2016, with its population scaled
 * to about `households` households (each category keeping its share) and the pairing platform
 * moved to 2016 so that all three programmes run in the simulated year. Used by `npm run bench`
 * and by the performance tests, so both measure the same thing.
 */
export function benchmarkYear(base: Scenario, households: number, extra: Record<string, unknown> = {}): Scenario {
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
