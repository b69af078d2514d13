import { CATEGORIES, ILLNESS_GROUPS } from './parameters.js';

/**
 * The population as a struct of typed arrays: one array per column, one slot per household
 * or person. About 16 bytes per household and 7 per person, so a whole province fits.
 * Persons of a household are contiguous: household h owns persons
 * [firstPerson[h], firstPerson[h] + size[h]).
 */
export interface Households {
  readonly count: number;
  /** External id (the roster's id, or 1..n for a synthetic population). */
  readonly id: Int32Array;
  /** 0-based subdistrict index. */
  readonly subdistrict: Uint8Array;
  /** Index into CATEGORIES. */
  readonly category: Uint8Array;
  readonly size: Uint8Array;
  readonly firstPerson: Int32Array;
  /** Household income per month, in fen. */
  readonly incomeFen: Int32Array;
  /** Index into ILLNESS_GROUPS. */
  readonly illnessGroup: Uint8Array;
  /** Third-party assessment score in [0, 1]: higher is needier. */
  readonly assessmentScore: Float32Array;
}

export interface Persons {
  readonly count: number;
  /** Index of the person's household. */
  readonly household: Int32Array;
  readonly age: Uint8Array;
  /** 0 none, 1 serious, 2 mild chronic illness. */
  readonly chronicIllness: Uint8Array;
  /** 0 none, else disability grade 1 (most severe) … 10. */
  readonly disabilityGrade: Uint8Array;
}

export interface Population {
  readonly households: Households;
  readonly persons: Persons;
  /** Subdistricts the population spans (the roster or scenario value). */
  readonly subdistricts: number;
}

export const HOUSEHOLD_BYTES = 4 + 1 + 1 + 1 + 4 + 4 + 1 + 4;
export const PERSON_BYTES = 4 + 1 + 1 + 1;

export function allocateHouseholds(n: number): Households {
  return {
    count: n,
    id: new Int32Array(n),
    subdistrict: new Uint8Array(n),
    category: new Uint8Array(n),
    size: new Uint8Array(n),
    firstPerson: new Int32Array(n),
    incomeFen: new Int32Array(n),
    illnessGroup: new Uint8Array(n),
    assessmentScore: new Float32Array(n),
  };
}

export function allocatePersons(n: number): Persons {
  return {
    count: n,
    household: new Int32Array(n),
    age: new Uint8Array(n),
    chronicIllness: new Uint8Array(n),
    disabilityGrade: new Uint8Array(n),
  };
}

/** Bytes the population's columns take: the memory guard and the benchmark use this. */
export function populationBytes(households: number, persons: number): number {
  return households * HOUSEHOLD_BYTES + persons * PERSON_BYTES;
}

export { CATEGORIES, ILLNESS_GROUPS };
