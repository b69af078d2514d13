import { NEVER } from './rollout.js';

/**
 * Card take-up and attrition as waiting times. A monthly event of probability p (taking a
 * card up, leaving the scheme) first happens after a geometric number of months, so one
 * draw per event replaces one draw per household-month, with the same distribution.
 */
export interface MonthlyHazard {
  readonly p: number;
  /** 1 / ln(1 − p), precomputed. */
  readonly invLogStay: number;
}

export function monthlyHazard(p: number): MonthlyHazard {
  // log1p, not log(1 − p): for a tiny p, 1 − p rounds to 1 and the wait would come out
  // −∞ instead of practically never.
  return { p, invLogStay: p > 0 && p < 1 ? 1 / Math.log1p(-p) : 0 };
}

/**
 * Months to wait (0 = this month) until the event, given a uniform u in [0, 1): the
 * number of failures before the first success, by inversion. NEVER if p is 0.
 */
export function monthsUntil(h: MonthlyHazard, u: number): number {
  if (h.p <= 0) return NEVER;
  if (h.p >= 1) return 0;
  const k = Math.floor(Math.log(1 - u) * h.invLogStay);
  return k < NEVER ? k : NEVER;
}

/** The month index `wait` months after `month`, saturating at NEVER. */
export function monthAfter(month: number, wait: number): number {
  const m = month + wait;
  return m < NEVER ? m : NEVER;
}
