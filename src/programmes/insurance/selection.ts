import type { Population } from '../../population/columns.js';
import { CATEGORIES } from '../../population/parameters.js';
import { rankByScoreDescending } from './radixRank.js';

const SPECIAL_HARDSHIP = CATEGORIES.indexOf('specialHardship');

/**
 * The special-hardship households in the order the third-party assessment ranks them:
 * neediest (highest assessment score) first, ties by household index. The package insures
 * a prefix of this list.
 */
export function rankCandidates(pop: Population): Int32Array {
  const h = pop.households;
  let n = 0;
  for (let i = 0; i < h.count; i++) if (h.category[i] === SPECIAL_HARDSHIP) n++;
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < h.count; i++) if (h.category[i] === SPECIAL_HARDSHIP) out[k++] = i;
  return rankByScoreDescending(out, h.assessmentScore);
}

/**
 * The insurance person type of a person (PERSON_TYPES code): the household member who
 * carries its serious or mild illness or its disability has that group's type; everyone
 * else is an "other member".
 */
export function personType(pop: Population, person: number): number {
  const ill = pop.persons.chronicIllness[person]!;
  if (ill === 1) return 1;
  if (ill === 2) return 2;
  return pop.persons.disabilityGrade[person]! > 0 ? 3 : 0;
}

/** The insured book: person types of the chosen households' members, households contiguous. */
export interface InsuredBook {
  readonly households: Int32Array;
  /** Book index of each chosen household's first person (length households + 1). */
  readonly firstPerson: Int32Array;
  readonly types: Uint8Array;
}

export function buildBook(pop: Population, households: Int32Array): InsuredBook {
  const first = new Int32Array(households.length + 1);
  for (let i = 0; i < households.length; i++) first[i + 1] = first[i]! + pop.households.size[households[i]!]!;
  const types = new Uint8Array(first[households.length]!);
  for (let i = 0; i < households.length; i++) {
    const start = pop.households.firstPerson[households[i]!]!;
    for (let k = first[i]!; k < first[i + 1]!; k++) types[k] = personType(pop, start + k - first[i]!);
  }
  return { households, firstPerson: first, types };
}
