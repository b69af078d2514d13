// The benchmark's workload: the baseline scenario over one calendar year with its
// population scaled, each category keeping its share (tests/performance/helpers.ts does the same).
import { BASELINE, lib } from './paths.mjs';

const CATEGORIES = ['dibao', 'marginal', 'specialHardship'];

/**
 * The baseline year 2016 with about `households` households. The pairing platform (2015 in
 * the baseline) is moved to 2016 so that all three programmes run in the simulated year.
 */
export async function baselineYear(households, extra = {}) {
  const { loadScenario, withOverrides } = await lib('scenario/load.js');
  const base = loadScenario(BASELINE);
  const p = base.values.population;
  const total = CATEGORIES.reduce((s, c) => s + p[c].households, 0);
  const overrides = {
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

export const YEAR_MONTHS = 12;
