// The full baseline year (all three programmes) at one population size, in its own process:
// population generation, the replication, memory, and the number of uniform draws it makes.
import { countDraws, stopCounting } from '../lib/drawCounter.mjs';
import { best, gc, peakRss, timed } from '../lib/measure.mjs';
import { lib } from '../lib/paths.mjs';
import { baselineYear, YEAR_MONTHS } from '../lib/scenario.mjs';

export default async function scale({ households, repeats = 1, count = true, seed = 2016 }) {
  const { generatePopulation } = await lib('population/generate.js');
  const { runReplication } = await lib('engine/simulate.js');
  const { estimateReplication, MemoryLimitError } = await lib('population/memoryGuard.js');
  const scenario = await baselineYear(households);

  // Warm up the JIT on a small run so the timing is of compiled code.
  runReplication(await baselineYear(20_000), seed, 99);
  gc();
  const rssBefore = process.memoryUsage.rss();
  const arraysBefore = process.memoryUsage().arrayBuffers;

  let population;
  try {
    population = generatePopulation(scenario.values, seed, 0);
  } catch (e) {
    if (e instanceof MemoryLimitError) return { households, error: e.message, memoryLimit: true };
    throw e;
  }
  const populationBytes = process.memoryUsage().arrayBuffers - arraysBefore;
  const persons = population.persons.count;
  population = undefined;
  gc();
  const generate = best(() => generatePopulation(scenario.values, seed, 0).persons.count, Math.min(repeats, 2));
  gc();

  let run;
  try {
    run = best(() => runReplication(scenario, seed, 0).metrics, repeats);
  } catch (e) {
    if (e instanceof MemoryLimitError) return { households, persons, populationBytes, error: e.message, memoryLimit: true };
    throw e;
  }
  const peak = peakRss();
  const estimate = estimateReplication(households, persons).totalBytes;

  let draws = null;
  let sameResults = null;
  if (count) {
    gc();
    const read = countDraws();
    const counted = timed(() => runReplication(scenario, seed, 0).metrics);
    draws = read();
    stopCounting();
    // The counter must be invisible to the model: same draws, same numbers.
    sameResults = JSON.stringify(counted.value) === JSON.stringify(run.value);
  }
  return {
    households,
    persons,
    months: YEAR_MONTHS,
    householdMonths: households * YEAR_MONTHS,
    generate: { wallS: generate.wallS, cpuS: generate.cpuS },
    replication: { wallS: run.wallS, cpuS: run.cpuS },
    populationBytes,
    estimateBytes: estimate,
    rssBeforeBytes: rssBefore,
    peakRssBytes: peak,
    draws,
    sameResultsWhenCounting: sameResults,
    cardMonths: run.value['supermarket.cardMonths'],
  };
}
