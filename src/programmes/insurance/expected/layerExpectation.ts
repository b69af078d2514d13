import { lossLimit, type Layer } from '../layer.js';
import { limitedExpectedValue, type Severity } from './severity.js';

/**
 * Expected payment per event of a per-event layer on a lognormal or gamma loss:
 *   E[Y] = c · (E[X ∧ u] − E[X ∧ d]),
 * c the coinsurance, d the deductible, u the limit on the loss (a payment limit L is the
 * loss limit d + L/c). Ignores the annual aggregate limit (see `expectedAnnualPayment`).
 */
export function expectedEventPayment(sev: Severity, l: Layer): number {
  if (l.perDay > 0) throw new RangeError('expectedEventPayment: a per-day layer needs the distribution of days, not of cost');
  if (l.coinsurance === 0) return 0;
  const u = lossLimit(l);
  if (u <= l.deductible) return 0;
  return l.coinsurance * (limitedExpectedValue(sev, u) - limitedExpectedValue(sev, l.deductible));
}

/** E[min(Y, y)] for the per-event payment Y of a layer: what discretisation needs. */
export function paymentLimitedExpectedValue(sev: Severity, l: Layer, y: number): number {
  if (!(y > 0) || l.coinsurance === 0) return 0;
  const u = Math.min(lossLimit(l), l.deductible + y / l.coinsurance);
  if (u <= l.deductible) return 0;
  return l.coinsurance * (limitedExpectedValue(sev, u) - limitedExpectedValue(sev, l.deductible));
}

/** Expected per-event payment of a per-day layer when the days of an event have the given pmf (days 0, 1, 2, …). */
export function expectedPerDayPayment(l: Layer, daysPmf: ArrayLike<number>): number {
  let e = 0;
  for (let k = 0; k < daysPmf.length; k++) {
    const loss = l.perDay * k;
    if (loss <= l.deductible) continue;
    const pay = l.limitOn === 'loss' ? l.coinsurance * (Math.min(loss, l.limit) - l.deductible) : Math.min(l.coinsurance * (loss - l.deductible), l.limit);
    e += daysPmf[k]! * pay;
  }
  return e;
}
