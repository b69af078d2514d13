import type { Calendar } from '../../core/calendar.js';

/** Month index meaning "never" (beyond any calendar). */
export const NEVER = 0x7fffffff;

export interface Rollout {
  /** Month index from which each store is open (may be < 0: open before the simulation starts). */
  readonly storeOpens: Int32Array;
  /** 0-based subdistrict of each store; −1 for a store outside the population's subdistricts. */
  readonly storeSubdistrict: Int32Array;
  /** Month index from which each subdistrict has a store (NEVER if none). */
  readonly subdistrictOpens: Int32Array;
}

/**
 * The store roll-out on the scenario's calendar. A subdistrict's card holders are served
 * from the month its first store opens; a second store there adds public sales and running
 * costs but no new card holders.
 */
export function buildRollout(openingMonths: readonly string[], subdistrictNumbers: readonly number[], subdistricts: number, calendar: Calendar): Rollout {
  const stores = Math.min(openingMonths.length, subdistrictNumbers.length);
  const storeOpens = new Int32Array(stores);
  const storeSubdistrict = new Int32Array(stores);
  const subdistrictOpens = new Int32Array(subdistricts).fill(NEVER);
  for (let j = 0; j < stores; j++) {
    const opens = calendar.index(openingMonths[j]!);
    const s = subdistrictNumbers[j]! - 1;
    storeOpens[j] = opens;
    storeSubdistrict[j] = s >= 0 && s < subdistricts ? s : -1;
    if (s >= 0 && s < subdistricts && opens < subdistrictOpens[s]!) subdistrictOpens[s] = opens;
  }
  return { storeOpens, storeSubdistrict, subdistrictOpens };
}
