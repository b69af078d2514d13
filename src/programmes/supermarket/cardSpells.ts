import type { Uniform } from '../../core/rng/stream.js';
import { monthAfter, monthsUntil, type MonthlyHazard } from './membership.js';

/**
 * When each eligible household's card changes hands: the months it takes a card up and
 * leaves the scheme, alternately, in order (compressed rows: household k's changes are
 * `changes[start[k]]` up to `changes[start[k + 1]]`). A card is held from a take-up month
 * up to, not including, the next change (or to the horizon).
 */
export interface CardSpells {
  readonly start: Int32Array;
  readonly changes: Int32Array;
}

export interface CardSpellsInput {
  /** Households that may hold a card, in index order. */
  readonly eligible: Int32Array;
  readonly willing: Uint8Array;
  /** Month from which each subdistrict has a store (may be < 0), by subdistrict code. */
  readonly subdistrictOpens: Int32Array;
  readonly subdistrict: Uint8Array;
  readonly takeUp: MonthlyHazard;
  readonly attrition: MonthlyHazard;
  readonly membership: Uniform;
  readonly months: number;
}

/**
 * Card take-up and attrition as waiting times, for every eligible household. Willing
 * households take a card up a geometric number of months after their store opens; a card
 * holder leaves after another geometric wait, and may take a card up again. The take-up
 * wait's uniform is drawn for every eligible household, so willingness never shifts the
 * draws; only a willing household's wait is worked out.
 *
 * Its own pass over the households, apart from the card-holder months: the membership stream
 * is drawn in the same order either way, and the months loop stays small enough for V8 to
 * inline every draw in it (a non-inlined draw boxes its number on the heap).
 */
export function drawCardSpells(input: CardSpellsInput): CardSpells {
  const { eligible, willing, subdistrictOpens, subdistrict, takeUp, attrition, membership, months } = input;
  const start = new Int32Array(eligible.length + 1);
  // About one change per willing household; grown by doubling in the rare case of more.
  let changes = new Int32Array(eligible.length + 16);
  let count = 0;
  for (let k = 0; k < eligible.length; k++) {
    const h = eligible[k]!;
    const uFirstWait = membership();
    if (willing[h]) {
      let change = monthAfter(Math.max(0, subdistrictOpens[subdistrict[h]!]!), monthsUntil(takeUp, uFirstWait));
      let holder = false;
      while (change < months) {
        if (count === changes.length) {
          const grown = new Int32Array(2 * changes.length);
          grown.set(changes);
          changes = grown;
        }
        changes[count++] = change;
        holder = !holder;
        // The month of leaving is not a card month; the next wait starts the month after a change.
        change = monthAfter(change + 1, monthsUntil(holder ? attrition : takeUp, membership()));
      }
    }
    start[k + 1] = count;
  }
  return { start, changes };
}
