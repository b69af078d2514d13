import { capMarketValueFen, categoryDiscountFen } from './pricing.js';
import type { CapBasis } from './parameters.js';

/** The pricing rules of one scenario, in fen, prepared once per replication. */
export interface PricingTerms {
  readonly vegetablesFactor: number;
  readonly vegetablesCapMarketFen: number;
  readonly staplesFactor: number;
  readonly staplesCapMarketFen: number;
  /** Whether a visiting card holder spends its whole card balance, topping up with other goods. */
  readonly spendDown: boolean;
}

export function pricingTerms(p: { vegetables: { priceFactor: number; cap: number }; staples: { priceFactor: number; cap: number }; capBasis: CapBasis; subsidy: { spendDown: boolean } }): PricingTerms {
  return {
    vegetablesFactor: p.vegetables.priceFactor,
    vegetablesCapMarketFen: capMarketValueFen(p.vegetables.cap * 100, p.vegetables.priceFactor, p.capBasis),
    staplesFactor: p.staples.priceFactor,
    staplesCapMarketFen: capMarketValueFen(p.staples.cap * 100, p.staples.priceFactor, p.capBasis),
    spendDown: p.subsidy.spendDown,
  };
}

/** Slots of the scratch array `settleMonth` fills (plain indices: no object per household-month). */
export const VEGETABLES_DISCOUNT = 0;
export const STAPLES_DISCOUNT = 1;
export const DISCOUNT = 2;
export const PAID = 3;
export const SUBSIDY_USED = 4;
export const OWN_SPENDING = 5;
export const VEGETABLES_CAP_BINDS = 6;
export const STAPLES_CAP_BINDS = 7;
/** Other goods (market price, no discount) bought to use up the card balance. */
export const OTHER_GOODS = 8;
export const SETTLED_SLOTS = 9;

/**
 * One card holder's shopping in a month with at least one visit: prices the month's
 * vegetables and staples (market value, fen) under the caps, tops up with other goods at
 * market price if the household spends down its card balance, then pays with the card
 * credit first and own money for the rest. Caps count the whole month's purchases, so how
 * they split over visits does not change the money. Writes the result into `out`.
 */
export function settleMonth(vegetablesMarketFen: number, staplesMarketFen: number, balanceFen: number, t: PricingTerms, out: Float64Array): void {
  const vegDiscount = categoryDiscountFen(vegetablesMarketFen, t.vegetablesFactor, t.vegetablesCapMarketFen);
  const stapDiscount = categoryDiscountFen(staplesMarketFen, t.staplesFactor, t.staplesCapMarketFen);
  const discount = vegDiscount + stapDiscount;
  const foodPaid = vegetablesMarketFen + staplesMarketFen - discount;
  const other = t.spendDown && balanceFen > foodPaid ? balanceFen - foodPaid : 0;
  const paid = foodPaid + other;
  const used = balanceFen < paid ? balanceFen : paid;
  out[VEGETABLES_DISCOUNT] = vegDiscount;
  out[STAPLES_DISCOUNT] = stapDiscount;
  out[DISCOUNT] = discount;
  out[PAID] = paid;
  out[SUBSIDY_USED] = used;
  out[OWN_SPENDING] = paid - used;
  out[VEGETABLES_CAP_BINDS] = vegetablesMarketFen > t.vegetablesCapMarketFen ? 1 : 0;
  out[STAPLES_CAP_BINDS] = staplesMarketFen > t.staplesCapMarketFen ? 1 : 0;
  out[OTHER_GOODS] = other;
}
