/**
 * A cover layer as a small value, after R's `actuar::coverage`: what one insurance layer
 * pays on one loss, and how an annual aggregate limit caps the sum over a year.
 *
 * Amounts are in one money unit (the engine uses fen; the closed forms use yuan).
 * For a loss X the per-event payment is
 *   limitOn 'loss':    coinsurance × (min(X, limit) − deductible)₊
 *   limitOn 'payment': min(coinsurance × (X − deductible)₊, limit)
 * and the two coincide when limit_loss = deductible + limit_payment / coinsurance.
 */
export interface Layer {
  /** Per-event deductible on the loss. */
  readonly deductible: number;
  /** Share of the loss above the deductible the layer pays, in [0, 1]. */
  readonly coinsurance: number;
  /** Per-event limit (Infinity for none); on the loss or on the payment, as `limitOn` says. */
  readonly limit: number;
  readonly limitOn: 'loss' | 'payment';
  /** When > 0, an event's loss is perDay × days (an indemnity per day), not its cost. */
  readonly perDay: number;
  /** Limit on the sum of payments per insured person per year (Infinity for none). */
  readonly annualLimit: number;
}

/** A layer with the given fields; the rest default to "no such feature". */
export function layer(fields: Partial<Layer>): Layer {
  const l: Layer = { deductible: 0, coinsurance: 1, limit: Infinity, limitOn: 'payment', perDay: 0, annualLimit: Infinity, ...fields };
  const problems = layerProblems(l);
  if (problems.length) throw new RangeError(`invalid layer: ${problems.join('; ')}`);
  return l;
}

/** What is wrong with a layer, in words (empty when valid). */
export function layerProblems(l: Layer): string[] {
  const out: string[] = [];
  if (!(l.deductible >= 0)) out.push(`deductible must be ≥ 0, got ${l.deductible}`);
  if (!(l.coinsurance >= 0 && l.coinsurance <= 1)) out.push(`coinsurance must be in [0, 1], got ${l.coinsurance}`);
  if (!(l.limit >= 0)) out.push(`limit must be ≥ 0, got ${l.limit}`);
  if (l.limitOn === 'loss' && l.limit < l.deductible) out.push(`a limit on the loss (${l.limit}) below the deductible (${l.deductible}) pays nothing`);
  if (!(l.perDay >= 0)) out.push(`perDay must be ≥ 0, got ${l.perDay}`);
  if (!(l.annualLimit >= 0)) out.push(`annualLimit must be ≥ 0, got ${l.annualLimit}`);
  return out;
}

/** The loss a layer sees for one event: the cost, or perDay × days for a daily indemnity. */
export function eventLoss(l: Layer, cost: number, days: number): number {
  return l.perDay > 0 ? l.perDay * days : cost;
}

/** Payment for one loss, before the annual aggregate limit. Never above the loss or the limit. */
export function eventPayment(l: Layer, loss: number): number {
  if (!(loss > l.deductible)) return 0;
  if (l.limitOn === 'loss') return l.coinsurance * (Math.min(loss, l.limit) - l.deductible);
  return Math.min(l.coinsurance * (loss - l.deductible), l.limit);
}

/** Payment for one loss when `paidThisYear` has already been paid to the same person this year. */
export function paymentWithinYear(l: Layer, loss: number, paidThisYear: number): number {
  return Math.max(0, Math.min(eventPayment(l, loss), l.annualLimit - paidThisYear));
}

/** The equivalent per-event limit on the loss (deductible + payment limit / coinsurance). */
export function lossLimit(l: Layer): number {
  if (l.limitOn === 'loss') return l.limit;
  return l.coinsurance > 0 ? l.deductible + l.limit / l.coinsurance : Infinity;
}

/** Pays a year's losses in order, applying the annual limit: the payment of each event. */
export function payYear(l: Layer, losses: readonly number[]): number[] {
  let paid = 0;
  return losses.map((x) => {
    const p = paymentWithinYear(l, x, paid);
    paid += p;
    return p;
  });
}
