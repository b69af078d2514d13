import type { StreamFactory, Uniform } from '../../core/rng/stream.js';
import { gamma } from '../../core/rng/samplers/gamma.js';
import { negativeBinomial } from '../../core/rng/samplers/negativeBinomial.js';
import { normal } from '../../core/rng/samplers/normal.js';
import type { CompiledInsurance, CostLaw } from './compile.js';
import { F_ACCIDENT_MEDICAL, F_ALLOWANCE, F_BASIC, F_COST, F_DEATH, F_DISABILITY, F_MUTUAL, F_SERIOUS, F_TOP_UP, FLOW_COUNT } from './flows.js';
import { HOSPITAL_LEVELS, PERSON_TYPES } from './parameters.js';
import { settleEvent } from './waterfall.js';
import { allocateYearState, resetYearState, type YearState } from './yearState.js';

/** One stream per kind of draw, so changing one parameter never shifts another kind of draw. */
export interface YearStreams {
  readonly frailty: Uniform;
  readonly admissions: Uniform;
  readonly level: Uniform;
  readonly cost: Uniform;
  readonly length: Uniform;
  readonly accidents: Uniform;
  readonly accidentOutcome: Uniform;
  readonly accidentCost: Uniform;
}

/** The kernel's streams under a purpose prefix (`year`, `risk`, `pricing`). */
export function yearStreams(f: StreamFactory, prefix: string): YearStreams {
  const s = (k: string): Uniform => f.stream(`${prefix}.${k}`);
  return {
    frailty: s('frailty'),
    admissions: s('admissions'),
    level: s('level'),
    cost: s('cost'),
    length: s('length'),
    accidents: s('accidents'),
    accidentOutcome: s('accidentOutcome'),
    accidentCost: s('accidentCost'),
  };
}

/** Per-person results of a year, in fen (or counts), as columns. */
export interface PersonResults {
  readonly cost: Float64Array;
  readonly oopBefore: Float64Array;
  readonly oopAfter: Float64Array;
  /** Everything the package paid: social reimbursements and commercial claims. */
  readonly relief: Float64Array;
  readonly commercial: Float64Array;
  /** 1 when at least one commercial claim was paid this year. */
  readonly claimed: Uint8Array;
  readonly stays: Float64Array;
}

export function allocatePersonResults(n: number): PersonResults {
  return { cost: new Float64Array(n), oopBefore: new Float64Array(n), oopAfter: new Float64Array(n), relief: new Float64Array(n), commercial: new Float64Array(n), claimed: new Uint8Array(n), stays: new Float64Array(n) };
}

/** Where to write a step-by-step account of some persons (book indices [from, to)). */
export interface TraceSink {
  readonly from: number;
  readonly to: number;
  readonly lines: string[];
  readonly monthLabel: (month: number) => string;
}

/** Scratch columns the kernel reuses between years of the same book. */
export interface YearScratch {
  readonly state: YearState;
  /** Each person's admission rate per month this year (after frailty). */
  readonly monthlyRate: Float64Array;
  /** Time (in months from the start of the year) of each person's next admission and next injury. */
  readonly nextAdmission: Float64Array;
  readonly nextAccident: Float64Array;
  readonly pay: Float64Array;
}

export function allocateYearScratch(n: number): YearScratch {
  return { state: allocateYearState(n), monthlyRate: new Float64Array(n), nextAdmission: new Float64Array(n), nextAccident: new Float64Array(n), pay: new Float64Array(FLOW_COUNT) };
}

export interface YearInput {
  readonly c: CompiledInsurance;
  /** Person type (PERSON_TYPES code) of each insured person. */
  readonly types: Uint8Array;
  readonly months: number;
  readonly streams: YearStreams;
  readonly scratch: YearScratch;
  /** Monthly totals by flow, FLOW_COUNT per month (added to), or null when not needed. */
  readonly flows: Float64Array | null;
  /** Per-person results (added to), or null when not needed. */
  readonly persons: PersonResults | null;
  readonly trace: TraceSink | null;
}

const yuan = (fen: number): string => (fen / 100).toFixed(2);

function drawCost(u: Uniform, law: CostLaw): number {
  if (law.constant >= 0) return Math.round(law.constant);
  const x = law.gamma ? gamma(u, law.a, law.b) : Math.exp(law.a + law.b * normal(u));
  return Math.max(0, Math.round(x));
}

function drawLevel(u: Uniform, cdf: Float64Array, type: number): number {
  const x = u();
  const o = 3 * type;
  return x < cdf[o]! ? 0 : x < cdf[o + 1]! ? 1 : 2;
}

/** Waiting time to the next event of a Poisson process with the given rate per month (Infinity at rate 0). */
function waitMonths(u: Uniform, ratePerMonth: number): number {
  return ratePerMonth > 0 ? -Math.log(1 - u()) / ratePerMonth : Infinity;
}

/**
 * Simulates one policy year of an insured book, month by month: admissions (gamma-frailty
 * or zero-inflated Poisson rate per person, a Poisson process within the year), accidents
 * (death, disability by grade, medical cost), each settled through the waterfall in the
 * month it happens. Events are drawn as exponential waiting times, so a person-month without
 * an event costs two comparisons and no random draw. Returns the total commercial claims in
 * fen. Persons' annual limits are reset at the start.
 */
export function simulateYear(input: YearInput): number {
  const { c, types, months, streams: s, scratch, flows, persons, trace } = input;
  const { state: st, monthlyRate, nextAdmission, nextAccident, pay } = scratch;
  const n = types.length;
  resetYearState(st);
  const accidentMonthly = c.accidentRate / 12;
  for (let p = 0; p < n; p++) {
    const t = types[p]!;
    const mean = c.admissions[t]!;
    let lambda = 0;
    if (mean > 0) {
      if (c.frequencyModel === 0) {
        const k = c.dispersion[t]!;
        // Gamma(1) is the exponential: one draw instead of a rejection loop.
        lambda = k === 1 ? -mean * Math.log(1 - s.frailty()) : mean * gamma(s.frailty, k, 1 / k);
      } else {
        const z = c.zeroShare[t]!;
        lambda = s.frailty() < z || z >= 1 ? 0 : mean / (1 - z);
      }
    }
    monthlyRate[p] = lambda / 12;
    nextAdmission[p] = waitMonths(s.admissions, lambda / 12);
    nextAccident[p] = waitMonths(s.accidents, accidentMonthly);
  }
  let commercialTotal = 0;

  for (let m = 0; m < months; m++) {
    const base = m * FLOW_COUNT;
    const monthEnd = m + 1;
    for (let p = 0; p < n; p++) {
      if (nextAdmission[p]! >= monthEnd && nextAccident[p]! >= monthEnd) continue;
      if (st.dead[p] === 1) continue;
      let stays = 0;
      while (nextAdmission[p]! < monthEnd) {
        stays++;
        nextAdmission[p] = nextAdmission[p]! + waitMonths(s.admissions, monthlyRate[p]!);
      }
      let accidents = 0;
      while (nextAccident[p]! < monthEnd) {
        accidents++;
        nextAccident[p] = nextAccident[p]! + waitMonths(s.accidents, accidentMonthly);
      }
      if (stays === 0 && accidents === 0) continue;
      const t = types[p]!;
      const tracing = trace !== null && p >= trace.from && p < trace.to;
      for (let i = 0; i < stays; i++) {
        const level = drawLevel(s.level, c.levelCdf, t);
        const cost = drawCost(s.cost, c.stayCost[level]!);
        const days = 1 + negativeBinomial(s.length, c.losMean[level]! - 1, c.losDispersion);
        const left = settleEvent(c, st, p, t, level, cost, days, false, true, pay);
        commercialTotal += record(c, p, base, left, flows, persons, pay, 1);
        if (tracing) trace.lines.push(describeEvent(trace.monthLabel(m), p - trace.from, t, `hospital stay (${HOSPITAL_LEVELS[level]}, ${days} days)`, pay, left));
      }
      for (let i = 0; i < accidents && st.dead[p] === 0; i++) {
        const z = s.accidentOutcome();
        if (z < c.deathShare) {
          st.dead[p] = 1;
          pay.fill(0);
          pay[F_DEATH] = c.deathSum;
          commercialTotal += record(c, p, base, 0, flows, persons, pay, 0);
          if (tracing) trace.lines.push(`${trace.monthLabel(m)} person ${p - trace.from + 1} (${PERSON_TYPES[t]}): accidental death → death cover ${yuan(c.deathSum)}`);
          continue;
        }
        let disability = 0;
        let grade = 0;
        if (z < c.deathShare + c.disabilityShare) {
          const g = s.accidentOutcome();
          while (grade < 9 && g >= c.gradeCdf[grade]!) grade++;
          disability = Math.max(0, Math.min(Math.round(c.disabilitySum * c.gradePayout[grade]!), c.disabilitySum - st.disabilityPaid[p]!));
          st.disabilityPaid[p] = st.disabilityPaid[p]! + disability;
        }
        const inpatient = s.accidentOutcome() < c.accidentInpatientShare;
        const cost = drawCost(s.accidentCost, c.accidentCost);
        const level = inpatient ? drawLevel(s.level, c.levelCdf, t) : 0;
        const days = inpatient ? 1 + negativeBinomial(s.length, c.losMean[level]! - 1, c.losDispersion) : 0;
        const left = settleEvent(c, st, p, t, level, cost, days, true, inpatient, pay);
        pay[F_DISABILITY] = disability;
        commercialTotal += record(c, p, base, left, flows, persons, pay, inpatient ? 1 : 0);
        if (tracing) {
          const what = `injury${disability > 0 ? ` with disability grade ${grade + 1}` : ''}, ${inpatient ? `inpatient at ${HOSPITAL_LEVELS[level]} for ${days} days` : 'outpatient'}`;
          trace.lines.push(describeEvent(trace.monthLabel(m), p - trace.from, t, what, pay, left));
        }
      }
    }
  }
  return commercialTotal;
}

/** Adds one settled event to the monthly flows and the person's results; returns its commercial claims. */
function record(c: CompiledInsurance, p: number, base: number, left: number, flows: Float64Array | null, persons: PersonResults | null, pay: Float64Array, stays: number): number {
  const commercial = pay[F_DEATH]! + pay[F_DISABILITY]! + pay[F_ACCIDENT_MEDICAL]! + pay[F_TOP_UP]! + pay[F_ALLOWANCE]!;
  if (flows !== null) for (let f = 0; f < FLOW_COUNT; f++) flows[base + f] = flows[base + f]! + pay[f]!;
  if (persons !== null) {
    const cost = pay[F_COST]!;
    const social = pay[F_BASIC]! + pay[F_SERIOUS]! + pay[F_MUTUAL]!;
    persons.cost[p] = persons.cost[p]! + cost;
    persons.oopBefore[p] = persons.oopBefore[p]! + (c.beforeMode === 0 ? cost : cost - pay[F_BASIC]! - pay[F_SERIOUS]!);
    persons.oopAfter[p] = persons.oopAfter[p]! + left;
    persons.relief[p] = persons.relief[p]! + social + commercial;
    persons.commercial[p] = persons.commercial[p]! + commercial;
    if (commercial > 0) persons.claimed[p] = 1;
    persons.stays[p] = persons.stays[p]! + stays;
  }
  return commercial;
}

function describeEvent(month: string, k: number, t: number, what: string, pay: Float64Array, left: number): string {
  const parts = [`cost ${yuan(pay[F_COST]!)}`, `basic ${yuan(pay[F_BASIC]!)}`, `serious-illness ${yuan(pay[F_SERIOUS]!)}`, `mutual ${yuan(pay[F_MUTUAL]!)}`];
  if (pay[F_DISABILITY]! > 0) parts.push(`disability cover ${yuan(pay[F_DISABILITY]!)}`);
  parts.push(`accident medical ${yuan(pay[F_ACCIDENT_MEDICAL]!)}`, `top-up ${yuan(pay[F_TOP_UP]!)}`, `allowance ${yuan(pay[F_ALLOWANCE]!)}`);
  return `${month} person ${k + 1} (${PERSON_TYPES[t]}): ${what}: ${parts.join(', ')}; family still pays ${yuan(left)}`;
}
