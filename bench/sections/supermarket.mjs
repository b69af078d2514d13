// The supermarket programme alone, at the same size as the numpy peer: its `run` with a
// context from startReplication (src/engine/replicationState.ts, as runReplication builds it),
// the population drawn beforehand (not timed).
import { best } from '../lib/measure.mjs';
import { lib } from '../lib/paths.mjs';
import { baselineYear, YEAR_MONTHS } from '../lib/scenario.mjs';

export default async function supermarket({ households, repeats = 3, seed = 2016 }) {
  const { generatePopulation } = await lib('population/generate.js');
  const { supermarketProgramme } = await lib('programmes/supermarket/index.js');
  const { startReplication } = await lib('engine/replicationState.js');

  const runOnce = (values, population) => {
    const state = startReplication(values, population, seed, 0);
    const metrics = supermarketProgramme.run(state.context(supermarketProgramme.id));
    if (!state.ledger.balance().ok) throw new Error('supermarket ledger does not balance');
    return metrics;
  };
  const small = (await baselineYear(20_000)).values;
  runOnce(small, generatePopulation(small, seed, 0)); // JIT warm-up

  const values = (await baselineYear(households)).values;
  const population = generatePopulation(values, seed, 0);
  const run = best(() => runOnce(values, population), repeats);
  const householdMonths = population.households.count * YEAR_MONTHS;
  return {
    households: population.households.count,
    months: YEAR_MONTHS,
    householdMonths,
    wallS: run.wallS,
    cpuS: run.cpuS,
    householdMonthsPerCpuS: householdMonths / run.cpuS,
    householdMonthsPerWallS: householdMonths / run.wallS,
    cardMonthShare: run.value['supermarket.cardMonths'] / householdMonths,
    visitsPerHouseholdMonth: run.value['supermarket.personTimes'] / householdMonths,
  };
}
