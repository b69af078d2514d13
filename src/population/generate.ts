import { StreamFactory } from '../core/rng/stream.js';
import { categorical, cumulativeWeights, lognormalMeanCv } from '../core/rng/samplers/index.js';
import { yuanToFen } from '../core/money.js';
import type { ScenarioValues } from '../scenario/catalogue.js';
import { allocateHouseholds, allocatePersons, type Population } from './columns.js';
import { checkMemory, estimatePopulation, expectedPopulationSize } from './memoryGuard.js';
import { CATEGORIES } from './parameters.js';

/** Age bands (youngest and oldest age of each), as flat arrays so the person loop allocates nothing. */
const AGE_BAND_FROM = [0, 18, 60] as const;
const AGE_BAND_TO = [17, 59, 95] as const;
/** Need weight of each illness group in the assessment: serious > ordinary/disability > mild > none. */
const ILLNESS_SEVERITY = [0, 1, 0.55, 0.7] as const;

/**
 * Draws a synthetic population from the scenario's `population` parameters: households by
 * category and subdistrict, their size, income, illness group and assessment score, and
 * their persons' ages, chronic illness and disability. Uses only the `population` streams
 * of the replication, so no programme parameter can change who lives where.
 */
export function generatePopulation(values: ScenarioValues, seed: number, replication: number): Population {
  const p = values.population;
  if (p.subdistrictWeights.length !== p.subdistricts) {
    throw new RangeError(`population.subdistrictWeights has ${p.subdistrictWeights.length} weights for ${p.subdistricts} subdistricts`);
  }
  const streams = new StreamFactory(seed, replication, 'population');
  const u = streams.stream('households');
  const personStream = streams.stream('persons');
  const nByCategory = CATEGORIES.map((c) => p[c].households);
  const nHouseholds = nByCategory.reduce((a, b) => a + b, 0);
  // Stop before allocating if the population cannot fit (checked again once persons are counted).
  checkMemory('a population', estimatePopulation(nHouseholds, expectedPopulationSize(p).persons));
  const households = allocateHouseholds(nHouseholds);
  const subdistrictCdf = cumulativeWeights(p.subdistrictWeights);
  const ageCdf = cumulativeWeights(p.ageBandWeights);

  // First pass: household attributes and sizes, so persons can be allocated in one block.
  let h = 0;
  let nPersons = 0;
  for (let c = 0; c < CATEGORIES.length; c++) {
    const cp = p[CATEGORIES[c]!];
    const sizeCdf = cumulativeWeights(cp.sizeWeights);
    const illnessCdf = cumulativeWeights(cp.illnessGroupWeights);
    for (let i = 0; i < nByCategory[c]!; i++, h++) {
      const size = 1 + categorical(u, sizeCdf);
      households.id[h] = h + 1;
      households.category[h] = c;
      households.subdistrict[h] = categorical(u, subdistrictCdf);
      households.size[h] = size;
      households.firstPerson[h] = nPersons;
      const perPerson = cp.incomeCv > 0 ? lognormalMeanCv(u, cp.incomePerPersonYuan, cp.incomeCv) : cp.incomePerPersonYuan;
      households.incomeFen[h] = Math.min(2_000_000_000, yuanToFen(perPerson * size));
      const group = categorical(u, illnessCdf);
      households.illnessGroup[h] = group;
      // Assessment: need from the illness group (serious > ordinary/disability > mild > none),
      // lowered by income, plus the assessor's judgement as noise.
      const severity = ILLNESS_SEVERITY[group as 0 | 1 | 2 | 3];
      const incomeTerm = Math.min(1, perPerson / (2 * p.dibaoStandardYuan));
      households.assessmentScore[h] = Math.max(0, Math.min(1, 0.6 * severity + 0.25 * (1 - incomeTerm) + 0.15 * u()));
      nPersons += size;
    }
  }

  checkMemory('a population', estimatePopulation(nHouseholds, nPersons));
  const persons = allocatePersons(nPersons);
  for (let hh = 0; hh < nHouseholds; hh++) {
    const first = households.firstPerson[hh]!;
    const size = households.size[hh]!;
    const group = households.illnessGroup[hh]!;
    // The member who carries the household's illness or disability: chosen at random.
    const carrier = first + Math.floor(personStream() * size);
    for (let k = first; k < first + size; k++) {
      persons.household[k] = hh;
      const band = categorical(personStream, ageCdf) as 0 | 1 | 2;
      const lo = AGE_BAND_FROM[band];
      const hi = AGE_BAND_TO[band];
      persons.age[k] = lo + Math.floor(personStream() * (hi - lo + 1));
    }
    if (group === 1 || group === 2) persons.chronicIllness[carrier] = group;
    if (group === 3) persons.disabilityGrade[carrier] = 1 + Math.floor(personStream() * 10);
  }
  return { households, persons, subdistricts: p.subdistricts };
}
