import { StreamFactory } from '../../core/rng/stream.js';
import type { ScenarioValues } from '../../scenario/catalogue.js';
import { compileInsurance } from './compile.js';
import { PERSON_TYPES } from './parameters.js';
import { allocatePersonResults, allocateYearScratch, simulateYear, yearStreams } from './year.js';

/** Expected commercial claims per person-year by person type, in fen, with standard errors. */
export interface ClaimsExpectation {
  readonly meanFen: Float64Array;
  readonly seFen: Float64Array;
}

const cache = new Map<string, ClaimsExpectation>();
const CACHE_SIZE = 64;

/**
 * What the insurer expects to pay per insured person-year of each type: the burning cost of
 * a simulated reference book of `premium.pricingPersonYears` persons per type over one full
 * policy year, settled through the same waterfall as the insured book. The reference book
 * draws from the programme's own `pricing.*` streams of replication 0, so the price depends
 * on the scenario and seed but not on the replication: the insurer prices once a year.
 * Cached per (insurance parameters, seed).
 */
export function expectedClaimsByType(values: ScenarioValues, seed: number): ClaimsExpectation {
  const key = `${seed}|${JSON.stringify(values.insurance)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const c = compileInsurance(values);
  const per = values.insurance.premium.pricingPersonYears;
  const nTypes = PERSON_TYPES.length;
  const types = new Uint8Array(per * nTypes);
  for (let t = 0; t < nTypes; t++) types.fill(t, t * per, (t + 1) * per);
  const persons = allocatePersonResults(types.length);
  simulateYear({ c, types, months: 12, streams: yearStreams(new StreamFactory(seed, 0, 'insurance'), 'pricing'), scratch: allocateYearScratch(types.length), flows: null, persons, trace: null });
  const meanFen = new Float64Array(nTypes);
  const seFen = new Float64Array(nTypes);
  for (let t = 0; t < nTypes; t++) {
    let s = 0;
    let ss = 0;
    for (let k = t * per; k < (t + 1) * per; k++) {
      const x = persons.commercial[k]!;
      s += x;
      ss += x * x;
    }
    const mean = s / per;
    meanFen[t] = mean;
    seFen[t] = per > 1 ? Math.sqrt(Math.max(0, ss / per - mean * mean) / (per - 1)) : 0;
  }
  const out = { meanFen, seFen };
  if (cache.size >= CACHE_SIZE) cache.clear();
  cache.set(key, out);
  return out;
}
