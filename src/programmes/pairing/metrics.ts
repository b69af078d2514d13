import type { Ledger } from '../../core/ledger.js';
import { fenToYuan } from '../../core/money.js';
import type { MetricSpec } from '../../metrics/metric.js';
import { quantileSorted } from '../../metrics/summary.js';
import type { PairingRun } from './simulatePairing.js';
import { parseFlow } from './flows.js';
import { KIND_MONEY } from './vocabulary.js';

const WINDOW = 'pairing.window (baseline: 2015-01 to 2015-12)';
const WINDOW_END = 'end of pairing.window (baseline: 2015-12)';

function metric(id: string, unit: string, zh: string, en: string, dependsOn: string[], window = WINDOW): MetricSpec {
  return { id, programme: 'pairing', unit, zh, en, window, dependsOn };
}

const DONORS = ['pairing.donors.', 'pairing.pledges.', 'pairing.start', 'pairing.window.'];
const FAMILIES = ['pairing.needs.', 'pairing.assessment.', 'pairing.matching.', 'pairing.forms', 'pairing.policy', 'pairing.preferences.', 'population.'];
const DELIVERY = ['pairing.delivery.', 'pairing.monitoring.'];

/** The pairing platform's metrics: what run() returns for each replication. */
export const pairingMetrics: readonly MetricSpec[] = [
  metric('pairing.raisedYuan', 'yuan', '募集现金和物资', 'Raised in cash and goods (received by the association)', [...DONORS, ...DELIVERY]),
  metric('pairing.donors', 'donors', '参与的爱心企业、组织、团队和个人', 'Donors who joined (companies, organisations, teams, individuals)', ['pairing.donors.', 'pairing.start', 'pairing.window.']),
  metric('pairing.familiesPaired', 'families', '签订结对帮扶协议的家庭', 'Families that signed pairing agreements', [...FAMILIES, ...DONORS, ...DELIVERY]),
  metric('pairing.disbursedYuan', 'yuan', '发放帮扶资金', 'Pairing aid paid out to families', [...FAMILIES, ...DONORS, ...DELIVERY]),
  metric('pairing.heldYuan', 'yuan', '慈善会结存', 'Held by the association (cash and goods not yet given out)', [...DONORS, ...FAMILIES, ...DELIVERY, 'pairing.activities.'], WINDOW_END),
  metric('pairing.unmetNeedYuan', 'yuan', '未满足的需求', 'Unmet need of assessed families (need − aid and services, by month)', [...FAMILIES, ...DONORS, ...DELIVERY, 'pairing.help.']),
  metric('pairing.unmetUrgentNeedYuan', 'urgency-weighted yuan', '按紧迫度加权的未满足需求', 'Unmet need weighted by urgency', [...FAMILIES, ...DONORS, ...DELIVERY, 'pairing.help.']),
  metric('pairing.monthsToPairing', 'months', '从转介到结对的平均月数', 'Mean months from referral to first pairing (families first paired in the window)', [...FAMILIES, ...DONORS]),
  metric('pairing.monthsToPairing.p50', 'months', '从转介到结对月数(中位数)', 'Months from referral to first pairing: median', [...FAMILIES, ...DONORS]),
  metric('pairing.monthsToPairing.p90', 'months', '从转介到结对月数(第90百分位)', 'Months from referral to first pairing: 90th percentile', [...FAMILIES, ...DONORS]),
  metric('pairing.lateDeliveries', 'deliveries', '逾期或未到位的交付', 'Deliveries due in the window that came late or never', [...DONORS, ...DELIVERY]),
  metric('pairing.lateDeliveriesFound', 'deliveries', '监督发现的逾期交付', 'Of those, found by monitoring while outstanding', [...DONORS, ...DELIVERY]),
  metric('pairing.lateDeliveriesFoundShare', 'share', '逾期交付被发现的比例', 'Share of late or missing deliveries found by monitoring', [...DONORS, ...DELIVERY]),
  metric('pairing.undeliveredYuan', 'yuan', '到期未到位的认捐', 'Money due in the window and not delivered by its end', [...DONORS, ...DELIVERY]),
  metric('pairing.pledgedYuan', 'yuan', '认捐总额(现金和物资)', 'Pledged in cash and goods by donors who joined in the window', DONORS),
  metric('pairing.goodsYuan', 'yuan', '发放物资', 'Goods handed out to families on the platform', [...DONORS, ...DELIVERY]),
  metric('pairing.activitiesYuan', 'yuan', '其他帮扶活动支出', 'Spent on other relief activities (general donations)', [...DONORS, ...DELIVERY, 'pairing.activities.']),
  metric('pairing.servicesYuan', 'yuan', '就业和技能帮扶(计价)', 'Job and course places provided, at the stated value', [...DONORS, ...DELIVERY, 'pairing.help.']),
  metric('pairing.familiesAdmitted', 'families', '纳入需求库的家庭', 'Families admitted to the needs pool in the window', ['pairing.needs.', 'pairing.assessment.', 'population.']),
  metric('pairing.familiesWaiting', 'families', '等待结对的家庭', 'Admitted families not paired at the window end', FAMILIES, WINDOW_END),
  metric('pairing.repairings', 'families', '重新结对次数', 'Pairings of families that had lost an earlier pairing', [...FAMILIES, ...DELIVERY]),
  metric('pairing.aidPerPairedMonthYuan', 'yuan/family/month', '每户每月结对资助', 'Aid paid per paired family-month', [...FAMILIES, ...DONORS]),
  metric('pairing.companyShareOfPledged', 'share', '企业认捐占比', 'Share of cash and goods pledged by companies', DONORS),
  metric('pairing.topDecileShareOfPledged', 'share', '前10%捐赠方认捐占比', 'Share of cash and goods pledged by the largest 10% of donors', DONORS),
];

/** Totals of the pairing flows in the window, read from the ledger (so metrics and disclosure agree with it). */
export interface PairingLedgerTotals {
  raisedFen: number;
  disbursedFen: number;
  goodsFen: number;
  activitiesFen: number;
  servicesFen: number;
  /** Association's pairing balance (in − out) over every month up to the window end. */
  heldFen: number;
}

export function pairingLedgerTotals(ledger: Ledger, from: number, to: number): PairingLedgerTotals {
  const t: PairingLedgerTotals = { raisedFen: 0, disbursedFen: 0, goodsFen: 0, activitiesFen: 0, servicesFen: 0, heldFen: 0 };
  for (const e of ledger.list()) {
    if (e.programme !== 'pairing' || e.month > to) continue;
    const f = parseFlow(e.flow);
    if (e.payee === 'charityAssociation') t.heldFen += e.amountFen;
    if (e.payer === 'charityAssociation') t.heldFen -= e.amountFen;
    if (e.month < from) continue;
    if (f.kind === 'donation') t.raisedFen += e.amountFen;
    else if (f.kind === 'aid') t.disbursedFen += e.amountFen;
    else if (f.kind === 'goods') t.goodsFen += e.amountFen;
    else if (f.kind === 'activities') t.activitiesFen += e.amountFen;
    else t.servicesFen += e.amountFen;
  }
  return t;
}

function sum(a: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = Math.max(0, from); i <= to && i < a.length; i++) s += a[i]!;
  return s;
}

/**
 * Every pairing metric of one run (zeros, never NaN, when a pool is empty). Money totals
 * come from the run's monthly series, which are the very sums posted to the ledger (the
 * tests check they equal `pairingLedgerTotals`), so no metric needs to re-read the ledger.
 */
export function computePairingMetrics(run: PairingRun): Record<string, number> {
  const { windowFrom: from, windowTo: to } = run.cfg;
  const empty = from > to;
  const s = run.series;
  const t = {
    raisedFen: sum(s.raisedFen, from, to),
    disbursedFen: sum(s.disbursedFen, from, to),
    goodsFen: sum(s.goodsOutFen, from, to),
    activitiesFen: sum(s.activitiesOutFen, from, to),
    servicesFen: sum(s.servicesFen, from, to),
    heldFen: empty || to < 0 ? 0 : s.heldFen[to]!,
  };
  const fc = run.families.cols;
  const waits: number[] = [];
  let paired = 0;
  let admitted = 0;
  for (let f = 0; f < run.families.length; f++) {
    if (fc.pairedInWindow[f] === 1) paired++;
    if (fc.admitted[f]! >= from && fc.admitted[f]! <= to) admitted++;
    if (fc.firstPaired[f]! >= from && fc.firstPaired[f]! <= to) waits.push(fc.firstPaired[f]! - fc.referred[f]!);
  }
  waits.sort((a, b) => a - b);
  const oc = run.overdue.cols;
  let late = 0;
  let found = 0;
  let undeliveredFen = 0;
  for (let o = 0; o < run.overdue.length; o++) {
    const due = oc.due[o]!;
    if (due < from || due > to) continue;
    late++;
    if (oc.found[o] === 1) found++;
    const arrival = oc.arrival[o]!;
    if (oc.link[o] === -1 && (arrival < 0 || arrival > to)) undeliveredFen += oc.amount[o]!;
  }
  const pledged = pledgedInWindow(run, from, to);
  const pairedMonths = sum(s.pairedFamilies, from, to);
  return {
    'pairing.raisedYuan': fenToYuan(t.raisedFen),
    'pairing.donors': countDonors(run, from, to),
    'pairing.familiesPaired': paired,
    'pairing.disbursedYuan': fenToYuan(t.disbursedFen),
    'pairing.heldYuan': empty ? 0 : fenToYuan(t.heldFen),
    'pairing.unmetNeedYuan': fenToYuan(sum(s.unmetNeedFen, from, to)),
    'pairing.unmetUrgentNeedYuan': fenToYuan(sum(s.unmetUrgentNeedFen, from, to)),
    'pairing.monthsToPairing': waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : 0,
    'pairing.monthsToPairing.p50': quantileSorted(waits, 0.5),
    'pairing.monthsToPairing.p90': quantileSorted(waits, 0.9),
    'pairing.lateDeliveries': late,
    'pairing.lateDeliveriesFound': found,
    'pairing.lateDeliveriesFoundShare': late ? found / late : 0,
    'pairing.undeliveredYuan': fenToYuan(undeliveredFen),
    'pairing.pledgedYuan': fenToYuan(pledged.totalFen),
    'pairing.goodsYuan': fenToYuan(t.goodsFen),
    'pairing.activitiesYuan': fenToYuan(t.activitiesFen),
    'pairing.servicesYuan': fenToYuan(t.servicesFen),
    'pairing.familiesAdmitted': admitted,
    'pairing.familiesWaiting': empty ? 0 : s.waitingFamilies[to]!,
    'pairing.repairings': sum(s.repaired, from, to),
    'pairing.aidPerPairedMonthYuan': pairedMonths > 0 ? fenToYuan(t.disbursedFen) / pairedMonths : 0,
    'pairing.companyShareOfPledged': pledged.totalFen > 0 ? pledged.companyFen / pledged.totalFen : 0,
    'pairing.topDecileShareOfPledged': pledged.topDecileShare,
  };
}

function countDonors(run: PairingRun, from: number, to: number): number {
  let n = 0;
  for (let d = 0; d < run.donors.length; d++) if (run.donors.cols.joined[d]! >= from && run.donors.cols.joined[d]! <= to) n++;
  return n;
}

/** Cash and goods pledged (monthly × months) by donors who joined in the window, and how concentrated. */
function pledgedInWindow(run: PairingRun, from: number, to: number): { totalFen: number; companyFen: number; topDecileShare: number } {
  const pc = run.pledges.cols;
  const byDonor = new Float64Array(run.donors.length);
  let totalFen = 0;
  let companyFen = 0;
  for (let p = 0; p < run.pledges.length; p++) {
    if (pc.kind[p] !== KIND_MONEY || pc.start[p]! < from || pc.start[p]! > to) continue;
    const fen = pc.monthly[p]! * (pc.end[p]! - pc.start[p]!);
    totalFen += fen;
    if (pc.donorType[p] === 0) companyFen += fen;
    byDonor[pc.donor[p]!] = byDonor[pc.donor[p]!]! + fen;
  }
  const joined: number[] = [];
  for (let d = 0; d < run.donors.length; d++) if (run.donors.cols.joined[d]! >= from && run.donors.cols.joined[d]! <= to) joined.push(byDonor[d]!);
  joined.sort((a, b) => b - a);
  const top = Math.ceil(joined.length / 10);
  let topFen = 0;
  for (let i = 0; i < top; i++) topFen += joined[i]!;
  return { totalFen, companyFen, topDecileShare: totalFen > 0 ? topFen / totalFen : 0 };
}
