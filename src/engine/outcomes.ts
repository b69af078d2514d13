import { PROGRAMMES, type ProgrammeId } from '../core/accounts.js';

/**
 * Per-household results of one replication, as columns. Each programme writes its own
 * benefit column and enrolment bit, and may add columns of its own (`extra`), e.g. the
 * insurance's out-of-pocket before and after the package.
 */
export interface HouseholdOutcomes {
  readonly count: number;
  /** Relief received over the programme's reporting window, in fen, by programme. */
  readonly benefitFen: Record<ProgrammeId, Float64Array>;
  /** Bit i set when the household took part in PROGRAMMES[i] (card holder, insured, paired). */
  readonly enrolment: Uint8Array;
  /** Programme-specific columns, named `<programme>.<column>`. */
  readonly extra: Record<string, Float64Array>;
}

export function allocateOutcomes(n: number): HouseholdOutcomes {
  return {
    count: n,
    benefitFen: Object.fromEntries(PROGRAMMES.map((p) => [p, new Float64Array(n)])) as Record<ProgrammeId, Float64Array>,
    enrolment: new Uint8Array(n),
    extra: {},
  };
}

export function enrolmentBit(p: ProgrammeId): number {
  return 1 << PROGRAMMES.indexOf(p);
}

/** Adds a named programme column (zeros) and returns it. */
export function addColumn(o: HouseholdOutcomes, name: string): Float64Array {
  const col = new Float64Array(o.count);
  o.extra[name] = col;
  return col;
}
