import { geometricFailures, geometricScale } from '../../core/rng/samplers/geometric.js';
import { normal } from '../../core/rng/samplers/normal.js';
import type { Population } from '../../population/columns.js';
import type { PairingConfig } from './config.js';
import type { PairingStreams } from './state.js';

/**
 * Households the communities refer to the platform, in the order the assessor takes them
 * (month of referral, then household index), with the need each one turns out to have.
 */
export interface Referrals {
  readonly count: number;
  readonly household: Int32Array;
  readonly month: Int32Array;
  readonly needType: Uint8Array;
  readonly needFen: Float64Array;
  /** Months the need lasts once the family is admitted (geometric, ≥ 1). */
  readonly needMonths: Int32Array;
  /** referralsBefore[m] = number of referrals made in months < m (a prefix index into the list). */
  readonly referralsBefore: Int32Array;
}

/**
 * One pass over the households. An eligible household is referred with monthly probability
 * referralRate × assessment score, from the platform's first month on (a geometric waiting
 * time, drawn once). Its need type and monthly need are drawn here too, for every eligible
 * household in index order, so that the same household has the same need whatever the
 * referral rate or assessment capacity.
 */
export function drawReferrals(pop: Population, cfg: PairingConfig, rng: PairingStreams): Referrals {
  const h = pop.households;
  const n = h.count;
  const horizon = cfg.months - cfg.firstMonth;
  let household = new Int32Array(64);
  let month = new Int32Array(64);
  let needType = new Uint8Array(64);
  let needFen = new Float64Array(64);
  let needMonths = new Int32Array(64);
  let count = 0;
  // Months in need are 1 + geometric failures with exit chance 1 / meanNeedMonths a month (exactly 1 at a mean of 1).
  const needScale = cfg.meanNeedMonths > 1 ? geometricScale(1 / cfg.meanNeedMonths) : 0;
  const cdf = cfg.needTypeCdf;
  for (let i = 0; i < n; i++) {
    if (cfg.eligibleCategory[h.category[i]!] !== 1) continue;
    const uReferral = rng.referral();
    const uType = rng.needType();
    const z = normal(rng.needAmount);
    const uDuration = rng.needDuration();
    if (horizon <= 0 || cdf === undefined) continue;
    const p = cfg.referralRate * h.assessmentScore[i]!;
    if (!(p > 0)) continue;
    const wait = p >= 1 ? 0 : geometricFailures(uReferral, geometricScale(p));
    if (wait >= horizon) continue;
    if (count === household.length) {
      household = grow(household);
      month = grow(month);
      needType = grow(needType);
      needFen = grow(needFen);
      needMonths = grow(needMonths);
    }
    let t = 0;
    while (t < cdf.length - 1 && uType >= cdf[t]!) t++;
    household[count] = i;
    month[count] = cfg.firstMonth + wait;
    needType[count] = t;
    needFen[count] = Math.round(Math.exp(cfg.needMu[t]! + cfg.needSigma[t]! * z));
    needMonths[count] = 1 + Math.min(100_000, geometricFailures(uDuration, needScale));
    count++;
  }
  return sortByMonth(count, household, month, needType, needFen, needMonths, cfg.months);
}

function grow<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a as never);
  return b;
}

/** Counting sort by month, stable in household order. */
function sortByMonth(count: number, household: Int32Array, month: Int32Array, needType: Uint8Array, needFen: Float64Array, needMonths: Int32Array, months: number): Referrals {
  const referralsBefore = new Int32Array(months + 1);
  for (let k = 0; k < count; k++) referralsBefore[month[k]! + 1]++;
  for (let m = 0; m < months; m++) referralsBefore[m + 1] += referralsBefore[m]!;
  const next = referralsBefore.slice(0, months);
  const out = { household: new Int32Array(count), month: new Int32Array(count), needType: new Uint8Array(count), needFen: new Float64Array(count), needMonths: new Int32Array(count) };
  for (let k = 0; k < count; k++) {
    const at = next[month[k]!]!++;
    out.household[at] = household[k]!;
    out.month[at] = month[k]!;
    out.needType[at] = needType[k]!;
    out.needFen[at] = needFen[k]!;
    out.needMonths[at] = needMonths[k]!;
  }
  return { count, ...out, referralsBefore };
}
