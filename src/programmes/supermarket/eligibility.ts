import type { Households } from '../../population/columns.js';
import { CATEGORIES } from '../../population/parameters.js';
import { NEVER } from './rollout.js';

/** Households that may ever hold a card, as a mark per household and a sorted index list. */
export interface Eligibility {
  readonly mark: Uint8Array;
  readonly list: Int32Array;
}

/** An eligible category and a store in the household's subdistrict at some point of the calendar. */
export function eligibleHouseholds(hh: Households, categoryCodes: readonly number[], subdistrictOpens: Int32Array): Eligibility {
  const n = hh.count;
  const categoryEligible = new Uint8Array(CATEGORIES.length);
  for (const c of categoryCodes) categoryEligible[c] = 1;
  const mark = new Uint8Array(n);
  let count = 0;
  for (let h = 0; h < n; h++) {
    const s = hh.subdistrict[h]!;
    if (categoryEligible[hh.category[h]!] && s < subdistrictOpens.length && subdistrictOpens[s] !== NEVER) {
      mark[h] = 1;
      count++;
    }
  }
  const list = new Int32Array(count);
  for (let h = 0, k = 0; h < n; h++) if (mark[h]) list[k++] = h;
  return { mark, list };
}
