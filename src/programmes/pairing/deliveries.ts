import { fenToYuan } from '../../core/money.js';
import { geometricFailures, geometricScale } from '../../core/rng/samplers/geometric.js';
import type { Uniform } from '../../core/rng/stream.js';
import type { PairingConfig } from './config.js';
import { cancelPledgeLinks } from './links.js';
import { traceLine, traced, type PairingState } from './state.js';
import { DONOR_TYPES, KIND_MONEY, USE_GOODS, USE_PAIRING } from './vocabulary.js';

/** Months until a due delivery arrives: 0 on time, k ≥ 1 late (geometric, mean lateDelayMonths), −1 never. */
export function deliveryDelay(u: Uniform, reliability: number, cfg: Pick<PairingConfig, 'missingShare' | 'lateDelayMonths'>): number {
  if (u() < reliability) return 0;
  if (u() < cfg.missingShare) return -1;
  const p = 1 / cfg.lateDelayMonths;
  return p >= 1 ? 1 : 1 + geometricFailures(u(), geometricScale(p));
}

function isWindow(st: PairingState, m: number): boolean {
  return m >= st.cfg.windowFrom && m <= st.cfg.windowTo;
}

/** Adds relief to a household's window total (the benefit column). */
function addBenefit(st: PairingState, benefitFen: Float64Array, household: number, m: number, fen: number): void {
  if (isWindow(st, m)) benefitFen[household] = benefitFen[household]! + fen;
}

/** Money or goods of a pledge reach the association. */
function credit(st: PairingState, p: number, fen: number, m: number): void {
  const pc = st.pledges.cols;
  const t = pc.donorType[p]!;
  if (pc.use[p] === USE_GOODS) {
    st.flows.goodsIn[t] = st.flows.goodsIn[t]! + fen;
    st.goodsStockFen += fen;
  } else {
    st.flows.cashIn[t] = st.flows.cashIn[t]! + fen;
    if (pc.use[p] === USE_PAIRING) pc.heldFen[p] = pc.heldFen[p]! + fen;
    else st.generalFundFen += fen;
  }
  pc.collectedFen[p] = pc.collectedFen[p]! + fen;
  st.series.raisedFen[m] = st.series.raisedFen[m]! + fen;
}

function registerOverdue(st: PairingState, p: number, link: number, m: number, delay: number, amount: number): void {
  const o = st.overdue.add();
  const oc = st.overdue.cols;
  oc.pledge[o] = p;
  oc.link[o] = link;
  oc.due[o] = m;
  oc.arrival[o] = delay < 0 ? -1 : m + delay;
  oc.amount[o] = amount;
  oc.foundMonth[o] = -1;
  st.series.lateDue[m]++;
}

/**
 * Money pledges deliver what is due in month m (the whole pledge at signing when paid
 * upfront, else the month's instalment); each delivery is on time with the donor's
 * reliability, else late or missing. Late deliveries due earlier arrive now.
 */
export function moneyDeliveryStep(st: PairingState, m: number): void {
  const pc = st.pledges.cols;
  for (let p = 0; p < st.pledges.length; p++) {
    if (pc.kind[p] !== KIND_MONEY || pc.start[p]! > m || pc.end[p]! <= m) continue;
    const due = pc.upfront[p] === 1 ? (m === pc.start[p] ? pc.monthly[p]! * (pc.end[p]! - pc.start[p]!) : 0) : pc.monthly[p]!;
    if (!(due > 0)) continue;
    const delay = deliveryDelay(st.rng.moneyDelivery, pc.reliability[p]!, st.cfg);
    if (delay === 0) credit(st, p, due, m);
    else registerOverdue(st, p, -1, m, delay, due);
  }
  const oc = st.overdue.cols;
  for (let o = 0; o < st.overdue.length; o++) {
    if (oc.link[o] !== -1 || oc.arrival[o] !== m) continue;
    credit(st, oc.pledge[o]!, oc.amount[o]!, m);
    if (oc.found[o] === 1) pc.openFound[oc.pledge[o]!]--;
  }
}

/**
 * Money links accrue their monthly amount for month m; the association pays each family
 * what it is owed from the money its pledge has delivered, never more. Undelivered money
 * stays owed (visible) and is paid when it arrives.
 */
export function paymentStep(st: PairingState, m: number, benefitFen: Float64Array, aidColumn: Float64Array): void {
  const lc = st.links.cols;
  const pc = st.pledges.cols;
  const fc = st.families.cols;
  const nTypes = DONOR_TYPES.length;
  for (let l = 0; l < st.links.length; l++) {
    const p = lc.pledge[l]!;
    if (pc.kind[p] !== KIND_MONEY) continue;
    if (lc.start[l]! <= m && m < lc.end[l]!) {
      lc.owedFen[l] = lc.owedFen[l]! + lc.amount[l]!;
      lc.promised[l] = lc.promised[l]! + lc.amount[l]!;
    }
    const owed = lc.owedFen[l]!;
    if (!(owed > 0)) continue;
    const pay = Math.min(owed, pc.heldFen[p]!);
    if (!(pay > 0)) continue;
    pc.heldFen[p] = pc.heldFen[p]! - pay;
    pc.paidFen[p] = pc.paidFen[p]! + pay;
    lc.owedFen[l] = owed - pay;
    lc.paidFen[l] = lc.paidFen[l]! + pay;
    const f = lc.family[l]!;
    const hh = fc.household[f]!;
    const cell = fc.needType[f]! * nTypes + pc.donorType[p]!;
    st.flows.aid[cell] = st.flows.aid[cell]! + pay;
    fc.aidThisMonthFen[f] = fc.aidThisMonthFen[f]! + pay;
    st.series.disbursedFen[m] = st.series.disbursedFen[m]! + pay;
    addBenefit(st, benefitFen, hh, m, pay);
    if (isWindow(st, m)) aidColumn[hh] = aidColumn[hh]! + pay;
    if (traced(st, hh)) traceLine(st, hh, m, `paid ${fenToYuan(pay)} yuan from pledge #${p}${lc.owedFen[l]! > 0 ? `; ${fenToYuan(lc.owedFen[l]!)} yuan still owed` : ''}`);
  }
  // A pledge past its last month gives what no family is owed to the general fund.
  for (let p = 0; p < st.pledges.length; p++) {
    if (pc.kind[p] !== KIND_MONEY || pc.use[p] !== USE_PAIRING || !(pc.heldFen[p]! > 0) || m < pc.end[p]! - 1) continue;
    st.generalFundFen += pc.heldFen[p]!;
    pc.releasedFen[p] = pc.releasedFen[p]! + pc.heldFen[p]!;
    pc.heldFen[p] = 0;
  }
}

/**
 * Job and course places are delivered month by month to the family holding them, valued
 * at the stated price per place-month; a late month is provided late, a missing one never.
 */
export function placeDeliveryStep(st: PairingState, m: number, benefitFen: Float64Array): void {
  const lc = st.links.cols;
  const pc = st.pledges.cols;
  for (let l = 0; l < st.links.length; l++) {
    const p = lc.pledge[l]!;
    if (pc.kind[p] === KIND_MONEY || lc.start[l]! > m || m >= lc.end[l]!) continue;
    lc.promised[l] = lc.promised[l]! + lc.amount[l]!;
    const delay = deliveryDelay(st.rng.placeDelivery, pc.reliability[p]!, st.cfg);
    if (delay === 0) deliverPlace(st, l, m, lc.amount[l]!, benefitFen);
    else registerOverdue(st, p, l, m, delay, lc.amount[l]!);
  }
  const oc = st.overdue.cols;
  for (let o = 0; o < st.overdue.length; o++) {
    if (oc.link[o]! < 0 || oc.arrival[o] !== m) continue;
    deliverPlace(st, oc.link[o]!, m, oc.amount[o]!, benefitFen);
    if (oc.found[o] === 1) pc.openFound[oc.pledge[o]!]--;
  }
}

function deliverPlace(st: PairingState, l: number, m: number, places: number, benefitFen: Float64Array): void {
  const p = st.links.cols.pledge[l]!;
  const kind = st.pledges.cols.kind[p]!;
  const value = places * st.cfg.placeValueFen[kind]!;
  st.links.cols.paidFen[l] = st.links.cols.paidFen[l]! + value;
  const cell = (kind - 1) * DONOR_TYPES.length + st.pledges.cols.donorType[p]!;
  st.flows.services[cell] = st.flows.services[cell]! + value;
  const f = st.links.cols.family[l]!;
  st.families.cols.aidThisMonthFen[f] = st.families.cols.aidThisMonthFen[f]! + value;
  addBenefit(st, benefitFen, st.families.cols.household[f]!, m, value);
}

/**
 * A monitoring round at the end of every `intervalMonths`-th month: each delivery still
 * outstanding is found with `detectionRate`. A found delivery suspends its pledge until it
 * arrives (for ever if it never will) and cancels the pledge's agreements, so its families
 * go back to the pool and are re-matched.
 */
export function monitoringStep(st: PairingState, m: number): void {
  if ((m - st.cfg.firstMonth + 1) % st.cfg.monitoringInterval !== 0) return;
  const oc = st.overdue.cols;
  const pc = st.pledges.cols;
  for (let o = 0; o < st.overdue.length; o++) {
    if (oc.found[o] === 1 || oc.due[o]! > m) continue;
    const arrival = oc.arrival[o]!;
    if (arrival >= 0 && arrival <= m) continue;
    if (st.rng.monitoring() >= st.cfg.detectionRate) continue;
    oc.found[o] = 1;
    oc.foundMonth[o] = m;
    st.series.found[m]++;
    const p = oc.pledge[o]!;
    if (arrival >= 0) pc.openFound[p]++;
    else pc.lapsed[p] = 1;
    if (pc.use[p] === USE_PAIRING) cancelPledgeLinks(st, p, m);
  }
}
