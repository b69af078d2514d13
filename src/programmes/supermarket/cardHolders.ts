import { fenHalfUp, fenToYuan } from '../../core/money.js';
import { poisson } from '../../core/rng/samplers/index.js';
import type { Uniform } from '../../core/rng/stream.js';
import { drawCardSpells } from './cardSpells.js';
import { type LognormalTable, sampleLognormal } from './lognormalTable.js';
import type { MonthlyHazard } from './membership.js';
import { DISCOUNT, OTHER_GOODS, type PricingTerms, settleMonth, SETTLED_SLOTS, STAPLES_CAP_BINDS, SUBSIDY_USED, VEGETABLES_CAP_BINDS } from './settle.js';
import { traceMonth } from './trace.js';
import type { HouseholdTraits } from './traits.js';

/** Above this visit rate e^{−λ} loses precision for inversion; the (rare) draw uses PTRS. */
const INVERSION_LIMIT = 30;

/** The card's rules, prepared once per replication. */
export interface CardRules {
  readonly creditFen: number;
  /** Most a balance may hold after crediting (Infinity unless unspent credit is capped). */
  readonly maxBalanceFen: number;
  /** Unspent credit is forfeited at the end of each month. */
  readonly expire: boolean;
  /** Visits are ⌊λ⌋ or ⌈λ⌉ ('regular') rather than Poisson. */
  readonly regularVisits: boolean;
  readonly takeUp: MonthlyHazard;
  readonly attrition: MonthlyHazard;
  /** Mean-one lognormal noise of a month's basket. */
  readonly basket: LognormalTable;
  readonly pricing: PricingTerms;
}

/** The household columns the card-holder loop fills (window totals per household). */
export interface CardColumns {
  readonly cardMonths: Float64Array;
  readonly visits: Float64Array;
  readonly discountFen: Float64Array;
  readonly subsidyFen: Float64Array;
  readonly storePurchasesFen: Float64Array;
  readonly vegetablesCapMonths: Float64Array;
  readonly staplesCapMonths: Float64Array;
}

export interface CardYearInput {
  /** Households that may hold a card, in index order. */
  readonly eligible: Int32Array;
  /** Month from which each eligible household's subdistrict has a store (may be < 0). */
  readonly subdistrictOpens: Int32Array;
  readonly subdistrict: Uint8Array;
  readonly traits: HouseholdTraits;
  readonly rules: CardRules;
  readonly streams: { readonly membership: Uniform; readonly visits: Uniform; readonly basket: Uniform };
  readonly months: number;
  /** Reporting window (month indices, inclusive): totals and columns count these months only. */
  readonly windowFrom: number;
  readonly windowTo: number;
  readonly columns: CardColumns;
  /** When set, one line per month of this household (for `explain`). */
  readonly trace?: { readonly household: number; readonly lines: string[]; label(month: number): string };
}

/** Window totals (fen and counts, exact integers below 2^53), and month totals for the ledger. */
export interface CardYearTotals {
  readonly personTimes: number;
  readonly cardMonths: number;
  readonly discountFen: number;
  readonly subsidyFen: number;
  readonly creditedFen: number;
  readonly forfeitedFen: number;
  readonly purchasesFen: number;
  readonly vegetablesCapMonths: number;
  readonly staplesCapMonths: number;
  /** Card holders in the window's last month, and the balance left on their cards. */
  readonly holdersAtEnd: number;
  readonly outstandingFen: number;
  /** Per calendar month: discount, subsidy used and card purchases at market value. */
  readonly monthDiscountFen: Float64Array;
  readonly monthSubsidyFen: Float64Array;
  readonly monthPurchasesFen: Float64Array;
}

/**
 * Card take-up and attrition, visits, and each card-holder month at the till, for every
 * eligible household. First the card spells (cardSpells.ts); then household by household,
 * each through its card-holder months: its balance and its traits stay in registers, its
 * columns are written once, and the months without a card are skipped. Each kind of draw
 * has its own stream.
 */
export function simulateCardHolders(input: CardYearInput): CardYearTotals {
  const { eligible, subdistrictOpens, subdistrict, months, windowFrom, windowTo, columns, trace } = input;
  const { willing, visitRate, expNegVisitRate, vegetablesPerVisitFen, staplesPerVisitFen, foodSpendFen } = input.traits;
  const { creditFen, maxBalanceFen, expire, regularVisits, takeUp, attrition, basket, pricing } = input.rules;
  const { start, changes } = drawCardSpells({ eligible, willing, subdistrictOpens, subdistrict, takeUp, attrition, membership: input.streams.membership, months });
  const uVisits = input.streams.visits;
  const uBasket = input.streams.basket;
  const traced = trace ? trace.household : -1;
  const settled = new Float64Array(SETTLED_SLOTS);
  const monthDiscountFen = new Float64Array(months);
  const monthSubsidyFen = new Float64Array(months);
  const monthPurchasesFen = new Float64Array(months);

  let personTimes = 0;
  let cardMonths = 0;
  let discountSum = 0;
  let subsidySum = 0;
  let forfeitedSum = 0;
  let purchasesSum = 0;
  let vegCapMonths = 0;
  let stapCapMonths = 0;
  let holdersAtEnd = 0;
  let outstandingAtEnd = 0;

  for (let k = 0; k < eligible.length; k++) {
    const firstChange = start[k]!;
    const endChanges = start[k + 1]!;
    if (firstChange === endChanges) continue;
    const h = eligible[k]!;
    const lam = visitRate[h]!;
    const whole = Math.floor(lam);
    const expNegLam = expNegVisitRate[h]!;
    const vegPerVisit = vegetablesPerVisitFen[h]!;
    const stapPerVisit = staplesPerVisitFen[h]!;
    const food = foodSpendFen[h]!;
    // This household's window totals.
    let hCardMonths = 0;
    let hVisits = 0;
    let hDiscount = 0;
    let hUsed = 0;
    let hBought = 0;
    let hVegBinds = 0;
    let hStapBinds = 0;

    // Each spell runs from a take-up month up to the month the holder leaves, or the horizon.
    for (let c = firstChange; c < endChanges; c += 2) {
      const leaves = c + 1 < endChanges ? changes[c + 1]! : months;
      let bal = 0;
      for (let m = changes[c]!; m < leaves; m++) {
        const inWindow = m >= windowFrom && m <= windowTo;
        // A card-holder month: credit the card, count visits, shop.
        bal += creditFen;
        let forfeit = 0;
        if (bal > maxBalanceFen) {
          forfeit = bal - maxBalanceFen;
          bal = maxBalanceFen;
        }
        const balanceBefore = bal;
        let visits = 0;
        if (regularVisits) {
          // ⌊λ⌋ visits, one more with probability λ − ⌊λ⌋: mean λ, the least variance possible.
          visits = whole + (uVisits() < lam - whole ? 1 : 0);
        } else if (lam < INVERSION_LIMIT) {
          // Poisson by inversion; e^{−λ} is precomputed per household.
          const x = uVisits();
          let p = expNegLam;
          let cdf = p;
          while (x >= cdf && visits < 1000) {
            visits++;
            p *= lam / visits;
            cdf += p;
          }
        } else visits = poisson(uVisits, lam);

        let vegFen = 0;
        let stapFen = 0;
        let bought = 0;
        let discount = 0;
        let used = 0;
        if (visits > 0) {
          // Mean-one lognormal factors, one uniform each, tabulated (see lognormalTable.ts).
          const e1 = sampleLognormal(basket, uBasket());
          const e2 = sampleLognormal(basket, uBasket());
          vegFen = fenHalfUp(vegPerVisit * visits * e1);
          stapFen = fenHalfUp(stapPerVisit * visits * e2);
          // Vegetables and staples are part of the household's food: a month's store basket
          // never exceeds its food spending, however many visits or however large the draw.
          if (vegFen + stapFen > food) {
            const keep = food / (vegFen + stapFen);
            vegFen = Math.floor(vegFen * keep);
            stapFen = Math.floor(stapFen * keep);
          }
          settleMonth(vegFen, stapFen, bal, pricing, settled);
          bought = vegFen + stapFen + settled[OTHER_GOODS]!;
          discount = settled[DISCOUNT]!;
          used = settled[SUBSIDY_USED]!;
          if (inWindow) {
            hVegBinds += settled[VEGETABLES_CAP_BINDS]!;
            hStapBinds += settled[STAPLES_CAP_BINDS]!;
          }
        }
        bal -= used;
        if (expire && bal > 0) {
          forfeit += bal;
          bal = 0;
        }
        monthDiscountFen[m] += discount;
        monthSubsidyFen[m] += used;
        monthPurchasesFen[m] += bought;
        if (h === traced) trace!.lines.push(traceMonth(trace!.label(m), creditFen, balanceBefore, visits, vegFen, stapFen, settled, bal, forfeit));

        if (inWindow) {
          hCardMonths++;
          hVisits += visits;
          hDiscount += discount;
          hUsed += used;
          hBought += bought;
          forfeitedSum += forfeit;
          if (m === windowTo) {
            holdersAtEnd++;
            outstandingAtEnd += bal;
          }
        }
      }
      // Leaving the scheme forfeits the balance (the month of leaving is not a card month).
      if (leaves < months) {
        if (leaves >= windowFrom && leaves <= windowTo) forfeitedSum += bal;
        if (h === traced) trace!.lines.push(`supermarket ${trace!.label(leaves)}: leaves the scheme; forfeits balance ${fenToYuan(bal).toFixed(2)}`);
      }
    }

    if (hCardMonths > 0) {
      columns.cardMonths[h] = hCardMonths;
      columns.visits[h] = hVisits;
      columns.discountFen[h] = hDiscount;
      columns.subsidyFen[h] = hUsed;
      columns.storePurchasesFen[h] = hBought;
      columns.vegetablesCapMonths[h] = hVegBinds;
      columns.staplesCapMonths[h] = hStapBinds;
      personTimes += hVisits;
      cardMonths += hCardMonths;
      discountSum += hDiscount;
      subsidySum += hUsed;
      purchasesSum += hBought;
      vegCapMonths += hVegBinds;
      stapCapMonths += hStapBinds;
    }
  }

  return {
    personTimes,
    cardMonths,
    discountFen: discountSum,
    subsidyFen: subsidySum,
    creditedFen: cardMonths * creditFen,
    forfeitedFen: forfeitedSum,
    purchasesFen: purchasesSum,
    vegetablesCapMonths: vegCapMonths,
    staplesCapMonths: stapCapMonths,
    holdersAtEnd,
    outstandingFen: outstandingAtEnd,
    monthDiscountFen,
    monthSubsidyFen,
    monthPurchasesFen,
  };
}
