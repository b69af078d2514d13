import { fenToYuan } from '../../core/money.js';
import { traceLine, traced, type PairingState } from './state.js';
import { DONOR_TYPES, HELP_KINDS, KIND_MONEY, NEED_EMPLOYMENT, PAIRING_FORMS } from './vocabulary.js';

/** Fen of need a family's agreements must cover for it to count as paired. */
export function pairedThresholdFen(st: PairingState, f: number): number {
  return Math.ceil(st.cfg.pairedShare * st.families.cols.needFen[f]! - 1e-9);
}

/** Fen of need an agreement aims to cover. */
export function coverageTargetFen(st: PairingState, f: number): number {
  return Math.round(st.cfg.coverageTarget * st.families.cols.needFen[f]!);
}

/**
 * The stated rule for "paired" (签订结对帮扶协议): live agreements cover at least
 * `pairedShare` of the monthly need; for an employment need, the family holds a job or course place.
 */
export function isCovered(st: PairingState, f: number): boolean {
  const c = st.families.cols;
  if (!(c.needFen[f]! > 0)) return false;
  if (c.needType[f] === NEED_EMPLOYMENT) return c.liveLinks[f]! > 0;
  return c.coverageFen[f]! >= pairedThresholdFen(st, f);
}

/** Value per month a link brings its family: fen of money, or places × the place's value. */
export function linkValueFen(st: PairingState, l: number): number {
  const p = st.links.cols.pledge[l]!;
  const kind = st.pledges.cols.kind[p]!;
  const amount = st.links.cols.amount[l]!;
  return kind === KIND_MONEY ? amount : amount * st.cfg.placeValueFen[kind]!;
}

/** Signs an agreement from month m to the pledge's end. Returns the link index. */
export function signLink(st: PairingState, pledge: number, family: number, amount: number, m: number): number {
  const l = st.links.add();
  const lc = st.links.cols;
  lc.pledge[l] = pledge;
  lc.family[l] = family;
  lc.amount[l] = amount;
  lc.start[l] = m;
  lc.end[l] = st.pledges.cols.end[pledge]!;
  lc.live[l] = 1;
  st.pledges.cols.allocated[pledge] = st.pledges.cols.allocated[pledge]! + amount;
  st.pledges.cols.liveLinks[pledge]++;
  st.families.cols.coverageFen[family] = st.families.cols.coverageFen[family]! + linkValueFen(st, l);
  st.families.cols.liveLinks[family]++;
  return l;
}

/** Records the form a new link took, once all of the month's links are signed. */
export function classifyForm(st: PairingState, l: number): void {
  const lc = st.links.cols;
  const f = lc.family[l]!;
  const p = lc.pledge[l]!;
  lc.form[l] = st.families.cols.liveLinks[f]! > 1 ? 2 : st.pledges.cols.liveLinks[p]! > 1 ? 1 : 0;
  if (!traced(st, st.families.cols.household[f]!)) return;
  const kind = HELP_KINDS[st.pledges.cols.kind[p]!];
  const donorType = DONOR_TYPES[st.pledges.cols.donorType[p]!];
  const amount = kind === 'money' ? `${fenToYuan(lc.amount[l]!)} yuan/month` : `${lc.amount[l]} place(s)`;
  traceLine(st, st.families.cols.household[f]!, lc.start[l]!, `agreement signed (${PAIRING_FORMS[lc.form[l]!]}): ${donorType} pledge #${p} gives ${kind} ${amount} until ${st.calendar.label(lc.end[l]! - 1)}`);
}

/**
 * Ends a link's contribution from month `fromMonth` on (the pledge ended, or monitoring
 * cancelled it). Money the family is owed stays owed and is paid if the delivery arrives.
 * A family whose agreements no longer meet the paired rule goes back to waiting.
 */
export function endLink(st: PairingState, l: number, fromMonth: number, reason: string): void {
  const lc = st.links.cols;
  if (lc.live[l] !== 1) return;
  lc.live[l] = 0;
  if (fromMonth < lc.end[l]!) lc.end[l] = fromMonth;
  const p = lc.pledge[l]!;
  const f = lc.family[l]!;
  const pc = st.pledges.cols;
  const fc = st.families.cols;
  pc.allocated[p] = pc.allocated[p]! - lc.amount[l]!;
  pc.liveLinks[p]--;
  fc.coverageFen[f] = fc.coverageFen[f]! - linkValueFen(st, l);
  fc.liveLinks[f]--;
  if (traced(st, fc.household[f]!)) traceLine(st, fc.household[f]!, Math.max(0, fromMonth - 1), `agreement with pledge #${p} ends (${reason})`);
  if (fc.paired[f] === 1 && !isCovered(st, f)) {
    fc.paired[f] = 0;
    if (traced(st, fc.household[f]!)) traceLine(st, fc.household[f]!, Math.max(0, fromMonth - 1), 'no longer paired: back to the needs pool for re-matching');
  }
}

/** Ends every live link of a pledge (monitoring found it overdue). */
export function cancelPledgeLinks(st: PairingState, pledge: number, m: number): void {
  const lc = st.links.cols;
  for (let l = 0; l < st.links.length; l++) if (lc.live[l] === 1 && lc.pledge[l] === pledge) endLink(st, l, m + 1, 'monitoring found a delivery overdue');
}

/**
 * Start of month m: families whose need has ended leave the platform; their agreements end
 * (what they are owed is still paid if it arrives), which frees the pledges for others.
 */
export function retireFamilies(st: PairingState, m: number): void {
  const fc = st.families.cols;
  const lc = st.links.cols;
  let leaving = false;
  for (let f = 0; f < st.families.length; f++) if (fc.leaves[f] === m) leaving = true;
  if (!leaving) return;
  for (let l = 0; l < st.links.length; l++) if (lc.live[l] === 1 && fc.leaves[lc.family[l]!] === m) endLink(st, l, m, 'need resolved: the family leaves the platform');
  for (let f = 0; f < st.families.length; f++) {
    if (fc.leaves[f] !== m) continue;
    fc.paired[f] = 0;
    if (traced(st, fc.household[f]!)) traceLine(st, fc.household[f]!, m, 'need resolved: leaves the platform');
  }
}

/** Start of month m: links whose pledge has ended stop counting. */
export function expireLinks(st: PairingState, m: number): void {
  const lc = st.links.cols;
  for (let l = 0; l < st.links.length; l++) if (lc.live[l] === 1 && lc.end[l]! <= m) endLink(st, l, m, 'pledge term over');
}
