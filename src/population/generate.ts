import { fenHalfUp } from '../core/money.js';
import { StreamFactory, type Uniform } from '../core/rng/stream.js';
import {
  categoricalFromGuide,
  cumulativeWeights,
  guideTable,
  lognormalFast,
  lognormalParamsFromMeanCv,
  piecewiseUniformInt,
  piecewiseUniformIntFromUniform,
  type PiecewiseUniformInt,
} from '../core/rng/samplers/index.js';
import type { ScenarioValues } from '../scenario/catalogue.js';
import { allocateHouseholds, allocatePersons, type Households, type Population } from './columns.js';
import { checkMemory, estimatePopulation, expectedPopulationSize } from './memoryGuard.js';
import { CATEGORIES } from './parameters.js';

/** Age bands (youngest and oldest age of each), in the order of `population.ageBandWeights`. */
const AGE_BAND_FROM = [0, 18, 60] as const;
const AGE_BAND_TO = [17, 59, 95] as const;
/** Need weight of each illness group in the assessment: serious > ordinary/disability > mild > none. */
const ILLNESS_SEVERITY = new Float64Array([0, 1, 0.55, 0.7]);
/** Disability grades 1 (most severe) … 10, equally likely. */
const DISABILITY_GRADES = 10;
/** Household income cap in fen, so the Int32 column never overflows. */
const MAX_INCOME_FEN = 2_000_000_000;
/** Households drawn at a time: their incomes first, in a loop of their own (see drawCategory). */
const BLOCK = 1024;

/**
 * One stream per kind of draw, so that a parameter of one kind (the spread of incomes, whose
 * ziggurat draws take a variable number of uniforms) never moves the draws of another (who is
 * ill, how old the members are).
 */
interface PopulationStreams {
  readonly size: Uniform;
  readonly subdistrict: Uniform;
  readonly income: Uniform;
  readonly illness: Uniform;
  readonly assessment: Uniform;
  readonly age: Uniform;
  /** One uniform per household: the carrier of its illness and, if disabled, the grade. */
  readonly carrier: Uniform;
}

/** The population's streams of one replication, one purpose string per kind of draw. */
function populationStreams(seed: number, replication: number): PopulationStreams {
  const f = new StreamFactory(seed, replication, 'population');
  return {
    size: f.stream('size'),
    subdistrict: f.stream('subdistrict'),
    income: f.stream('income'),
    illness: f.stream('illness'),
    assessment: f.stream('assessment'),
    age: f.stream('age'),
    carrier: f.stream('carrier'),
  };
}

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
  const streams = populationStreams(seed, replication);
  let nHouseholds = 0;
  for (const c of CATEGORIES) nHouseholds += p[c].households;
  // Stop before allocating if the population cannot fit (checked again once persons are counted).
  checkMemory('a population', estimatePopulation(nHouseholds, expectedPopulationSize(p).persons));
  const households = allocateHouseholds(nHouseholds);
  const nPersons = drawHouseholds(households, p, streams);
  checkMemory('a population', estimatePopulation(nHouseholds, nPersons));
  const ages = piecewiseUniformInt(p.ageBandWeights, AGE_BAND_FROM, AGE_BAND_TO);
  return { households, persons: drawPersons(households, nPersons, ages, streams), subdistricts: p.subdistricts };
}

/** The parameters of one category's households, as the draw loop reads them. */
interface CategoryTables {
  readonly code: number;
  readonly sizeCdf: Float64Array;
  readonly sizeGuide: Int32Array;
  readonly illnessCdf: Float64Array;
  readonly illnessGuide: Int32Array;
  readonly subdistrictCdf: Float64Array;
  readonly subdistrictGuide: Int32Array;
  /** Mean income per person (yuan/month), and whether it varies between households. */
  readonly meanIncome: number;
  readonly spread: boolean;
  /** Log-scale parameters of the lognormal income, computed once per category. */
  readonly mu: number;
  readonly sigma: number;
  readonly twoStandards: number;
}

/** Fills the household columns, category after category; returns the number of persons. */
function drawHouseholds(households: Households, p: ScenarioValues['population'], s: PopulationStreams): number {
  const subdistrictCdf = cumulativeWeights(p.subdistrictWeights);
  const subdistrictGuide = guideTable(subdistrictCdf);
  let h = 0;
  let nPersons = 0;
  for (let c = 0; c < CATEGORIES.length; c++) {
    const cp = p[CATEGORIES[c]!];
    const sizeCdf = cumulativeWeights(cp.sizeWeights);
    const illnessCdf = cumulativeWeights(cp.illnessGroupWeights);
    const { mu, sigma } = lognormalParamsFromMeanCv(cp.incomePerPersonYuan, cp.incomeCv);
    const tables: CategoryTables = {
      code: c,
      sizeCdf,
      sizeGuide: guideTable(sizeCdf),
      illnessCdf,
      illnessGuide: guideTable(illnessCdf),
      subdistrictCdf,
      subdistrictGuide,
      meanIncome: cp.incomePerPersonYuan,
      spread: cp.incomeCv > 0,
      mu,
      sigma,
      twoStandards: 2 * p.dibaoStandardYuan,
    };
    nPersons = drawCategory(households, h, h + cp.households, nPersons, tables, s);
    h += cp.households;
  }
  return nPersons;
}

/**
 * Fills households [from, to) of one category; persons are numbered on from `nPersons`.
 * Returns the persons counted so far. A function of its own so that V8 optimises one
 * straight loop, with the streams' generators inlined into it.
 */
function drawCategory(households: Households, from: number, to: number, nPersons: number, t: CategoryTables, s: PopulationStreams): number {
  const { id, category, subdistrict, size, firstPerson, incomeFen, illnessGroup, assessmentScore } = households;
  const { code, sizeCdf, sizeGuide, illnessCdf, illnessGuide, subdistrictCdf, subdistrictGuide, meanIncome, spread, mu, sigma, twoStandards } = t;
  const sizeU = s.size;
  const subdistrictU = s.subdistrict;
  const incomeU = s.income;
  const illnessU = s.illness;
  const assessmentU = s.assessment;
  const incomes = new Float64Array(BLOCK);
  for (let start = from; start < to; start += BLOCK) {
    const stop = start + BLOCK < to ? start + BLOCK : to;
    // Lognormal income per person with the category's mean and coefficient of variation.
    // Drawn ahead, in a loop of their own: a draw is a long chain of dependent steps (normal,
    // exponential), which the CPU overlaps across households only when little else is in the loop.
    for (let i = 0; i < stop - start; i++) incomes[i] = spread ? lognormalFast(incomeU, mu, sigma) : meanIncome;
    for (let h = start; h < stop; h++) {
      const members = 1 + categoricalFromGuide(sizeU(), sizeCdf, sizeGuide);
      id[h] = h + 1;
      category[h] = code;
      subdistrict[h] = categoricalFromGuide(subdistrictU(), subdistrictCdf, subdistrictGuide);
      size[h] = members;
      firstPerson[h] = nPersons;
      const perPerson = incomes[h - start]!;
      const fen = fenHalfUp(perPerson * members * 100);
      incomeFen[h] = fen < MAX_INCOME_FEN ? fen : MAX_INCOME_FEN;
      const group = categoricalFromGuide(illnessU(), illnessCdf, illnessGuide);
      illnessGroup[h] = group;
      // Assessment: need from the illness group (serious > ordinary/disability > mild > none),
      // lowered by income, plus the assessor's judgement as noise. Never below 0; rounding
      // alone could take it past 1.
      const ratio = perPerson / twoStandards;
      const incomeTerm = ratio < 1 ? ratio : 1;
      const score = 0.6 * ILLNESS_SEVERITY[group]! + 0.25 * (1 - incomeTerm) + 0.15 * assessmentU();
      assessmentScore[h] = score < 1 ? score : 1;
      nPersons += members;
    }
  }
  return nPersons;
}

/** Allocates and fills the person columns: ages, and the carrier of each household's illness or disability. */
function drawPersons(households: Households, nPersons: number, ages: PiecewiseUniformInt, s: PopulationStreams) {
  const persons = allocatePersons(nPersons);
  const { household, age, chronicIllness, disabilityGrade } = persons;
  const { firstPerson, size, illnessGroup } = households;
  const n = households.count;
  const ageU = s.age;
  const carrierU = s.carrier;
  for (let hh = 0; hh < n; hh++) {
    const first = firstPerson[hh]!;
    const members = size[hh]!;
    const end = first + members;
    for (let k = first; k < end; k++) {
      household[k] = hh;
      age[k] = piecewiseUniformIntFromUniform(ageU(), ages);
    }
    // Drawn for every household, ill or not, so a household's carrier does not depend on
    // who else is ill. The member is the whole part of x·size; the rest, uniform on [0, 1)
    // and independent of it, gives the disability grade.
    const x = carrierU() * members;
    const member = Math.floor(x);
    const group = illnessGroup[hh]!;
    if (group === 1 || group === 2) chronicIllness[first + member] = group;
    else if (group === 3) {
      const grade = 1 + Math.floor((x - member) * DISABILITY_GRADES);
      disabilityGrade[first + member] = grade < DISABILITY_GRADES ? grade : DISABILITY_GRADES;
    }
  }
  return persons;
}
