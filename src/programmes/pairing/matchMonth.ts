import { fenToYuan } from '../../core/money.js';
import { allocate } from './matching/allocate.js';
import type { AllocationProblem } from './matching/problem.js';
import { classifyForm, coverageTargetFen, isCovered, pairedThresholdFen, signLink } from './links.js';
import { traceLine, traced, type PairingState } from './state.js';
import { KIND_MONEY, NEED_EMPLOYMENT, USE_PAIRING } from './vocabulary.js';

/**
 * The monthly matching: waiting families against pledges with spare capacity, twice:
 * money for medical, schooling and living needs (units: fen per month), then job and course
 * places for employment needs (units: places; one place pairs a family).
 */
export function matchingStep(st: PairingState, m: number): void {
  const signed: number[] = [];
  matchKind(st, m, true, signed);
  matchKind(st, m, false, signed);
  for (const l of signed) classifyForm(st, l);
  const fc = st.families.cols;
  for (const l of signed) {
    const f = st.links.cols.family[l]!;
    if (fc.paired[f] === 1 || !isCovered(st, f)) continue;
    fc.paired[f] = 1;
    if (fc.firstPaired[f]! < 0) {
      fc.firstPaired[f] = m;
      st.series.newlyPaired[m]++;
    } else {
      fc.repairings[f]++;
      st.series.repaired[m]++;
    }
    if (m >= st.cfg.windowFrom && m <= st.cfg.windowTo) fc.pairedInWindow[f] = 1;
    if (traced(st, fc.household[f]!)) traceLine(st, fc.household[f]!, m, `paired: agreements cover ${fenToYuan(fc.coverageFen[f]!)} of ${fenToYuan(fc.needFen[f]!)} yuan/month`);
  }
}

function matchKind(st: PairingState, m: number, money: boolean, signed: number[]): void {
  const { cfg } = st;
  const fc = st.families.cols;
  const pc = st.pledges.cols;
  const fams: number[] = [];
  for (let f = 0; f < st.families.length; f++) {
    if (fc.paired[f] === 1 || !(fc.needFen[f]! > 0) || fc.leaves[f]! <= m) continue;
    if ((fc.needType[f] === NEED_EMPLOYMENT) === money) continue;
    if (!cfg.combine && fc.liveLinks[f]! > 0) continue;
    fams.push(f);
  }
  if (fams.length === 0) return;
  const pledges: number[] = [];
  for (let p = 0; p < st.pledges.length; p++) {
    if (pc.use[p] !== USE_PAIRING || (pc.kind[p] === KIND_MONEY) !== money) continue;
    if (pc.start[p]! > m || pc.end[p]! <= m || pc.openFound[p]! > 0 || pc.lapsed[p] === 1) continue;
    if (!cfg.split && pc.liveLinks[p]! > 0) continue;
    if (pc.monthly[p]! - pc.allocated[p]! > 0) pledges.push(p);
  }
  if (pledges.length === 0) return;
  const S = pledges.length;
  const D = fams.length;
  const problem: AllocationProblem = {
    capacity: new Float64Array(S),
    demand: new Float64Array(D),
    minimum: new Float64Array(D),
    urgency: new Float64Array(D),
    size: new Float64Array(D),
    eligible: new Uint8Array(S * D),
    split: cfg.split,
    combine: money ? cfg.combine : true, // one place fills an employment need: combining never arises
  };
  for (let s = 0; s < S; s++) problem.capacity[s] = pc.monthly[pledges[s]!]! - pc.allocated[pledges[s]!]!;
  for (let d = 0; d < D; d++) {
    const f = fams[d]!;
    problem.urgency[d] = fc.urgency[f]!;
    problem.size[d] = fc.needFen[f]!;
    if (money) {
      problem.demand[d] = Math.max(0, coverageTargetFen(st, f) - fc.coverageFen[f]!);
      problem.minimum[d] = Math.max(1, pairedThresholdFen(st, f) - fc.coverageFen[f]!);
    } else {
      problem.demand[d] = 1;
      problem.minimum[d] = 1;
    }
  }
  for (let s = 0; s < S; s++) {
    const p = pledges[s]!;
    const needPref = pc.prefNeed[p]!;
    const subPref = pc.prefSubdistrict[p]!;
    const row = s * D;
    for (let d = 0; d < D; d++) {
      const f = fams[d]!;
      if (needPref >= 0 && fc.needType[f] !== needPref) continue;
      if (subPref >= 0 && fc.subdistrict[f] !== subPref) continue;
      problem.eligible[row + d] = 1;
    }
  }
  const a = allocate(problem, cfg.policy);
  for (let i = 0; i < a.amount.length; i++) signed.push(signLink(st, pledges[a.supplier[i]!]!, fams[a.demander[i]!]!, a.amount[i]!, m));
}
