/**
 * What each insured person has used of every annual limit so far this policy year, in fen,
 * as columns. Reset at the start of each simulated year.
 */
export interface YearState {
  readonly count: number;
  readonly basicPaid: Float64Array;
  /** Running catalogue out-of-pocket after basic insurance: the base of the serious-illness bands. */
  readonly seriousBase: Float64Array;
  readonly seriousPaid: Float64Array;
  readonly mutualPaid: Float64Array;
  readonly disabilityPaid: Float64Array;
  readonly accMedPaid: Float64Array;
  readonly topUpPaid: Float64Array;
  readonly allowancePaid: Float64Array;
  /** 1 once the person has died this year (no further events). */
  readonly dead: Uint8Array;
}

export function allocateYearState(n: number): YearState {
  return {
    count: n,
    basicPaid: new Float64Array(n),
    seriousBase: new Float64Array(n),
    seriousPaid: new Float64Array(n),
    mutualPaid: new Float64Array(n),
    disabilityPaid: new Float64Array(n),
    accMedPaid: new Float64Array(n),
    topUpPaid: new Float64Array(n),
    allowancePaid: new Float64Array(n),
    dead: new Uint8Array(n),
  };
}

export function resetYearState(s: YearState): void {
  s.basicPaid.fill(0);
  s.seriousBase.fill(0);
  s.seriousPaid.fill(0);
  s.mutualPaid.fill(0);
  s.disabilityPaid.fill(0);
  s.accMedPaid.fill(0);
  s.topUpPaid.fill(0);
  s.allowancePaid.fill(0);
  s.dead.fill(0);
}
