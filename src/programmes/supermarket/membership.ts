import { geometricFailures, geometricScale } from '../../core/rng/samplers/geometric.js';
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
  return { p, invLogStay: geometricScale(p) };
}

/**
 * Months to wait (0 = this month) until the event, given a uniform u in [0, 1): the
 * number of failures before the first success, by inversion. NEVER if p is 0.
 */
export function monthsUntil(h: MonthlyHazard, u: number): number {
  if (h.p <= 0) return NEVER;
  if (h.p >= 1) return 0;
  const k = geometricFailures(u, h.invLogStay);
  return k < NEVER ? k : NEVER;
}

/** The month index `wait` months after `month`, saturating at NEVER. */
export function monthAfter(month: number, wait: number): number {
  const m = month + wait;
  return m < NEVER ? m : NEVER;
}
