import { gamma } from '../../core/rng/samplers/gamma.js';
import { normal } from '../../core/rng/samplers/normal.js';
import { poisson } from '../../core/rng/samplers/poisson.js';
import type { Uniform } from '../../core/rng/stream.js';
import type { PairingConfig } from './config.js';
import type { PairingState } from './state.js';
import { DONOR_TYPES, KIND_EMPLOYMENT, KIND_MONEY, KIND_SKILLS, USE_GENERAL, USE_GOODS, USE_PAIRING } from './vocabulary.js';

/** Uniforms each donor takes from its type's `choices` stream, used or not, so one share never shifts another draw. */
const CHOICES_PER_DONOR = 9;
/** Scratch space for one donor's choices (reused: donors are drawn one at a time). */
const choices = new Float64Array(CHOICES_PER_DONOR);

/** Reliability of one donor: Beta around its type's mean with the stated dispersion. */
export function drawReliability(u: Uniform, mean: number, dispersion: number): number {
  if (dispersion <= 0 || mean <= 0 || mean >= 1) return mean;
  const concentration = 1 / dispersion - 1;
  const x = gamma(u, mean * concentration, 1);
  const y = gamma(u, (1 - mean) * concentration, 1);
  return x + y > 0 ? x / (x + y) : mean;
}

/**
 * New donors of month m join the resource pool: Poisson arrivals per type, each with a
 * reliability, a subdistrict preference, and one pledge per kind of help it offers (a donor
 * that draws no kind gives money: joining the platform means pledging something).
 */
export function donorArrivalStep(st: PairingState, m: number): void {
  const cfg = st.cfg;
  for (let t = 0; t < DONOR_TYPES.length; t++) {
    const arrivals = poisson(st.rng.arrivals[t]!, cfg.arrivalsPerMonth[t]!);
    for (let i = 0; i < arrivals; i++) addDonor(st, cfg, t, m);
  }
}

function addDonor(st: PairingState, cfg: PairingConfig, t: number, m: number): void {
  const c = st.rng.choices[t]!;
  const u = choices;
  for (let k = 0; k < CHOICES_PER_DONOR; k++) u[k] = c();
  const z = normal(st.rng.size[t]!);
  const reliability = drawReliability(st.rng.reliability[t]!, cfg.reliability[t]!, cfg.reliabilityDispersion);
  const extraPlaces = [poisson(st.rng.places[t]!, cfg.placesPerPledge - 1), poisson(st.rng.places[t]!, cfg.placesPerPledge - 1)];

  const d = st.donors.add();
  st.donors.cols.type[d] = t;
  st.donors.cols.joined[d] = m;
  st.donors.cols.reliability[d] = reliability;
  const subdistrict = u[7]! < cfg.subdistrictPreferenceShare ? Math.min(st.population.subdistricts - 1, Math.floor(u[8]! * st.population.subdistricts)) : -1;
  const offersEmployment = u[1]! < cfg.offers[1][t]!;
  const offersSkills = u[2]! < cfg.offers[2][t]!;
  const offersMoney = u[0]! < cfg.offers[0][t]! || (!offersEmployment && !offersSkills);
  const duration = cfg.durationMonths[t]!;

  if (offersMoney) {
    const use = u[3]! < cfg.pairingShare ? USE_PAIRING : u[3]! < cfg.pairingShare + cfg.goodsShare ? USE_GOODS : USE_GENERAL;
    let monthly = Math.round(Math.exp(cfg.pledgeMu[t]! + cfg.pledgeSigma[t]! * z));
    if (use === USE_GOODS) monthly = Math.round(monthly * cfg.goodsValuation);
    const prefers = use === USE_PAIRING && cfg.preferredNeedTypes.length > 0 && u[5]! < cfg.needTypePreferenceShare;
    const prefNeed = prefers ? cfg.preferredNeedTypes[Math.min(cfg.preferredNeedTypes.length - 1, Math.floor(u[6]! * cfg.preferredNeedTypes.length))]! : -1;
    addPledge(st, d, t, KIND_MONEY, use, m, duration, monthly, u[4]! < cfg.upfrontShare, prefNeed, use === USE_PAIRING ? subdistrict : -1, reliability);
  }
  if (offersEmployment) addPledge(st, d, t, KIND_EMPLOYMENT, USE_PAIRING, m, duration, 1 + extraPlaces[0]!, false, -1, subdistrict, reliability);
  if (offersSkills) addPledge(st, d, t, KIND_SKILLS, USE_PAIRING, m, duration, 1 + extraPlaces[1]!, false, -1, subdistrict, reliability);
}

/** Appends one pledge row. Amounts are fen per month (money) or places. */
export function addPledge(st: PairingState, donor: number, donorType: number, kind: number, use: number, start: number, duration: number, monthly: number, upfront: boolean, prefNeed: number, prefSubdistrict: number, reliability: number): number {
  const p = st.pledges.add();
  const c = st.pledges.cols;
  c.donor[p] = donor;
  c.donorType[p] = donorType;
  c.kind[p] = kind;
  c.use[p] = use;
  c.start[p] = start;
  c.end[p] = start + duration;
  c.monthly[p] = monthly;
  c.upfront[p] = upfront ? 1 : 0;
  c.prefNeed[p] = prefNeed;
  c.prefSubdistrict[p] = prefSubdistrict;
  c.reliability[p] = reliability;
  return p;
}
