// The benchmark's workload: the baseline scenario over one calendar year with its
// population scaled, each category keeping its share (src/engine/benchmarkYear.ts, shared with tests/performance).
import { BASELINE, lib } from './paths.mjs';

/** The baseline year 2016 with about `households` households (src/engine/benchmarkYear.ts). */
export async function baselineYear(households, extra = {}) {
  const { loadScenario } = await lib('scenario/load.js');
  const { benchmarkYear } = await lib('engine/benchmarkYear.js');
  return benchmarkYear(loadScenario(BASELINE), households, extra);
}

export const YEAR_MONTHS = 12;
