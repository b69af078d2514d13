// The supermarket programme alone, at the same size as the numpy peer: its `run` with a
// context built as runReplication builds one, the population drawn beforehand (not timed).
import { best } from '../lib/measure.mjs';
import { lib } from '../lib/paths.mjs';
import { baselineYear, YEAR_MONTHS } from '../lib/scenario.mjs';

export default async function supermarket({ households, repeats = 3, seed = 2016 }) {
  const { generatePopulation } = await lib('population/generate.js');
  const { Calendar } = await lib('core/calendar.js');
  const { Ledger } = await lib('core/ledger.js');
  const { StreamFactory } = await lib('core/rng/stream.js');
  const { allocateOutcomes } = await lib('engine/outcomes.js');
  const { supermarketProgramme } = await lib('programmes/supermarket/index.js');

  const runOnce = (values, population) => {
    const ledger = new Ledger();
    const metrics = supermarketProgramme.run({
      values,
      population,
      calendar: new Calendar(values.simulation.start, values.simulation.end),
      ledger,
      streams: new StreamFactory(seed, 0, 'supermarket'),
      outcomes: allocateOutcomes(population.households.count),
    });
    if (!ledger.balance().ok) throw new Error('supermarket ledger does not balance');
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
