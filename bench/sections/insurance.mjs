// The insurance Monte Carlo alone: the policy-year kernel over a large insured book (every
// special-hardship household of a scaled population), with the full per-person bookkeeping.
import { best } from '../lib/measure.mjs';
import { lib } from '../lib/paths.mjs';
import { baselineYear } from '../lib/scenario.mjs';

export default async function insurance({ households, years = 3, seed = 2016 }) {
  const { generatePopulation } = await lib('population/generate.js');
  const { StreamFactory } = await lib('core/rng/stream.js');
  const { compileInsurance } = await lib('programmes/insurance/compile.js');
  const { buildBook, rankCandidates } = await lib('programmes/insurance/selection.js');
  const { allocatePersonResults, allocateYearScratch, simulateYear, yearStreams } = await lib('programmes/insurance/year.js');
  const { FLOW_COUNT } = await lib('programmes/insurance/flows.js');

  const values = (await baselineYear(households)).values;
  const population = generatePopulation(values, seed, 0);
  const book = buildBook(population, rankCandidates(population));
  const n = book.types.length;
  const c = compileInsurance(values);
  const months = 12;
  const streams = yearStreams(new StreamFactory(seed, 0, 'insurance'), 'bench');
  const scratch = allocateYearScratch(n);
  const flows = new Float64Array(FLOW_COUNT * months);
  const persons = allocatePersonResults(n);
  const year = () => simulateYear({ c, types: book.types, months, streams, scratch, flows, persons, trace: null });
  year(); // JIT warm-up (and a first year of the book)
  const run = best(year, years);
  return {
    insuredHouseholds: book.households.length,
    persons: n,
    personYearsPerCpuS: n / run.cpuS,
    personYearsPerWallS: n / run.wallS,
    cpuSPerYear: run.cpuS,
    wallSPerYear: run.wallS,
  };
}
