import { bandPayment } from './bands.js';
import type { CompiledInsurance } from './compile.js';
import { F_ACCIDENT_MEDICAL, F_ALLOWANCE, F_BASIC, F_COST, F_MUTUAL, F_SERIOUS, F_TOP_UP } from './flows.js';
import { paymentWithinYear } from './layer.js';
import type { YearState } from './yearState.js';

/**
 * Settles one medical event (a hospital stay, or an injury treated as an outpatient)
 * through the waterfall. Each stage sees only what the earlier ones left:
 *   1. resident basic insurance (catalogue cost, deductible and rate by level, annual cap);
 *   2. serious-illness insurance (bands of the year's catalogue out-of-pocket, annual cap);
 *   3. the mutual supplement (layer on the catalogue cost still unpaid);
 *   4. commercial covers: accident medical (injuries), top-up inpatient (eligible groups),
 *      then the hospital allowance (per day, not part of the medical bill).
 * Social layers pay inpatient catalogue costs only. Writes each payment (fen) into `pay` at
 * its flow index, updates the person's annual state and returns the medical cost the
 * household still bears (never below zero).
 */
export function settleEvent(
  c: CompiledInsurance,
  st: YearState,
  p: number,
  type: number,
  level: number,
  costFen: number,
  days: number,
  isAccident: boolean,
  isInpatient: boolean,
  pay: Float64Array,
): number {
  pay.fill(0);
  pay[F_COST] = costFen;
  let catalogue = isInpatient ? Math.round(costFen * c.catalogueShare) : 0;
  const outside = costFen - catalogue;
  if (isInpatient) {
    const basic = Math.round(paymentWithinYear(c.basic[level]!, catalogue, st.basicPaid[p]!));
    st.basicPaid[p] = st.basicPaid[p]! + basic;
    catalogue -= basic;
    pay[F_BASIC] = basic;

    const before = st.seriousBase[p]!;
    const after = before + catalogue;
    st.seriousBase[p] = after;
    const due = Math.round(bandPayment(c.seriousStarts, c.seriousRates, after) - bandPayment(c.seriousStarts, c.seriousRates, before));
    const serious = Math.max(0, Math.min(due, c.seriousCap - st.seriousPaid[p]!, catalogue));
    st.seriousPaid[p] = st.seriousPaid[p]! + serious;
    catalogue -= serious;
    pay[F_SERIOUS] = serious;

    const mutual = Math.min(catalogue, Math.round(paymentWithinYear(c.mutual, catalogue, st.mutualPaid[p]!)));
    st.mutualPaid[p] = st.mutualPaid[p]! + mutual;
    catalogue -= mutual;
    pay[F_MUTUAL] = mutual;
  }
  let remaining = catalogue + outside;
  if (isAccident) {
    const loss = Math.round(remaining * c.accMedReasonable);
    const accMed = Math.min(remaining, Math.round(paymentWithinYear(c.accidentMedical, loss, st.accMedPaid[p]!)));
    st.accMedPaid[p] = st.accMedPaid[p]! + accMed;
    remaining -= accMed;
    pay[F_ACCIDENT_MEDICAL] = accMed;
  }
  if (isInpatient && c.topUpEligible[type] === 1) {
    const loss = Math.round(remaining * c.topUpReasonable);
    const topUp = Math.min(remaining, Math.round(paymentWithinYear(c.topUp, loss, st.topUpPaid[p]!)));
    st.topUpPaid[p] = st.topUpPaid[p]! + topUp;
    remaining -= topUp;
    pay[F_TOP_UP] = topUp;
  }
  if (isInpatient) {
    const allowance = Math.round(paymentWithinYear(c.allowance, c.allowance.perDay * days, st.allowancePaid[p]!));
    st.allowancePaid[p] = st.allowancePaid[p]! + allowance;
    pay[F_ALLOWANCE] = allowance;
  }
  return remaining;
}
