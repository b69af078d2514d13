import type { ProgrammeContext } from '../../engine/programme.js';
import type { Ledger } from '../../core/ledger.js';
import { addColumn, enrolmentBit, type HouseholdOutcomes } from '../../engine/outcomes.js';
import { activitiesStep } from './activities.js';
import { assessmentStep } from './assessment.js';
import { ColumnTable, f64, i32, u8 } from './columns.js';
import { resolvePairingConfig, type PairingConfig } from './config.js';
import { moneyDeliveryStep, monitoringStep, paymentStep, placeDeliveryStep } from './deliveries.js';
import { donorArrivalStep } from './donors.js';
import { ACTIVITIES_FLOW, FLOW_NAMES, GOODS_FLOW } from './flows.js';
import { expireLinks, retireFamilies } from './links.js';
import { matchingStep } from './matchMonth.js';
import { drawReferrals } from './referrals.js';
import { emptyMonthFlows, emptySeries, familyTable, linkTable, overdueTable, pairingStreams, pledgeTable, resetMonthFlows, type PairingState } from './state.js';
import { DONOR_TYPES } from './vocabulary.js';

/** What the pairing simulation needs: exactly a programme's context. */
export type PairingInput = ProgrammeContext;

/** A finished run: the pools as they ended, the monthly series and the resolved configuration. */
export type PairingRun = Omit<PairingState, 'rng' | 'flows'>;

/**
 * Simulates the platform month by month from `pairing.start` to the calendar's end:
 * links whose pledge ended stop; donors arrive and pledge; the third party assesses; the
 * matcher pairs waiting families; donors deliver (on time, late or never); the association
 * pays families what their pledges delivered; places are provided; monitoring finds overdue
 * deliveries and re-matches their families; goods and other relief go out. Each month's
 * money is posted to the ledger as one transfer per flow. Fills the household outcome
 * columns for the reporting window.
 */
export function simulatePairing(input: PairingInput): PairingRun {
  const cfg = resolvePairingConfig(input.values, input.calendar);
  const rng = pairingStreams(input.streams);
  const referrals = drawReferrals(input.population, cfg, rng);
  const st: PairingState = {
    cfg,
    population: input.population,
    calendar: input.calendar,
    rng,
    donors: new ColumnTable({ type: u8(), joined: i32(), reliability: f64() }),
    pledges: pledgeTable(),
    families: familyTable(),
    links: linkTable(),
    overdue: overdueTable(),
    flows: emptyMonthFlows(),
    series: emptySeries(cfg.months),
    generalFundFen: 0,
    goodsStockFen: 0,
    referrals,
    assessStarted: 0,
    assessDone: 0,
    assessStartMonth: new Int32Array(referrals.count),
    traceHousehold: input.traceHousehold ?? -1,
    trace: input.trace,
  };
  const o = input.outcomes;
  const benefit = o.benefitFen.pairing;
  const aidColumn = addColumn(o, 'pairing.aidFen');
  const unmetColumn = addColumn(o, 'pairing.unmetNeedFen');
  for (let m = cfg.firstMonth; m < cfg.months; m++) {
    expireLinks(st, m);
    retireFamilies(st, m);
    donorArrivalStep(st, m);
    assessmentStep(st, m);
    matchingStep(st, m);
    moneyDeliveryStep(st, m);
    paymentStep(st, m, benefit, aidColumn);
    placeDeliveryStep(st, m, benefit);
    monitoringStep(st, m);
    activitiesStep(st, m, benefit);
    closeMonth(st, m, unmetColumn);
    postFlows(st, input.ledger, m);
  }
  fillOutcomeColumns(st, o);
  const { rng: _rng, flows: _flows, ...run } = st;
  return run;
}

/** Unmet need and the month-end counts and holdings. */
function closeMonth(st: PairingState, m: number, unmetColumn: Float64Array): void {
  const fc = st.families.cols;
  const inWindow = m >= st.cfg.windowFrom && m <= st.cfg.windowTo;
  let unmet = 0;
  let urgent = 0;
  let paired = 0;
  let present = 0;
  for (let f = 0; f < st.families.length; f++) {
    if (fc.leaves[f]! <= m) continue;
    present++;
    const gap = Math.max(0, fc.needFen[f]! - fc.aidThisMonthFen[f]!);
    unmet += gap;
    urgent += gap * fc.urgency[f]!;
    if (inWindow) unmetColumn[fc.household[f]!] = unmetColumn[fc.household[f]!]! + gap;
    fc.aidThisMonthFen[f] = 0;
    paired += fc.paired[f]!;
  }
  const s = st.series;
  s.unmetNeedFen[m] = unmet;
  s.unmetUrgentNeedFen[m] = urgent;
  s.pairedFamilies[m] = paired;
  s.waitingFamilies[m] = present - paired;
  s.admittedFamilies[m] = present;
  let held = st.generalFundFen + st.goodsStockFen;
  for (let p = 0; p < st.pledges.length; p++) held += st.pledges.cols.heldFen[p]!;
  s.heldFen[m] = held;
}

/** One ledger transfer per flow for month m (none for zero), then the month's accumulators are reset. */
function postFlows(st: PairingState, ledger: Ledger, m: number): void {
  const f = st.flows;
  const s = st.series;
  const post = (payer: 'donors' | 'charityAssociation', payee: 'charityAssociation' | 'households', flow: string, fen: number) => {
    if (fen > 0) ledger.transfer(payer, payee, 'pairing', flow, m, fen);
  };
  for (let t = 0; t < DONOR_TYPES.length; t++) {
    post('donors', 'charityAssociation', FLOW_NAMES.donationCash[t]!, f.cashIn[t]!);
    post('donors', 'charityAssociation', FLOW_NAMES.donationGoods[t]!, f.goodsIn[t]!);
  }
  for (let i = 0; i < f.aid.length; i++) post('charityAssociation', 'households', FLOW_NAMES.aid[i]!, f.aid[i]!);
  for (let i = 0; i < f.services.length; i++) {
    post('donors', 'households', FLOW_NAMES.services[i]!, f.services[i]!);
    s.servicesFen[m] = s.servicesFen[m]! + f.services[i]!;
  }
  post('charityAssociation', 'households', GOODS_FLOW, f.goodsOut);
  post('charityAssociation', 'households', ACTIVITIES_FLOW, f.activitiesOut);
  s.goodsOutFen[m] = f.goodsOut;
  s.activitiesOutFen[m] = f.activitiesOut;
  resetMonthFlows(f);
}

/** Per-household columns: enrolment (ever paired), need, months to pairing (−1 never). */
function fillOutcomeColumns(st: PairingState, o: HouseholdOutcomes): void {
  const bit = enrolmentBit('pairing');
  const needColumn = addColumn(o, 'pairing.needFen');
  const needTypeColumn = addColumn(o, 'pairing.needType');
  const monthsColumn = addColumn(o, 'pairing.monthsToPairing').fill(-1);
  const fc = st.families.cols;
  for (let f = 0; f < st.families.length; f++) {
    const hh = fc.household[f]!;
    needColumn[hh] = fc.needFen[f]!;
    needTypeColumn[hh] = fc.needType[f]! + 1;
    if (fc.firstPaired[f]! >= 0) {
      o.enrolment[hh] = o.enrolment[hh]! | bit;
      monthsColumn[hh] = fc.firstPaired[f]! - fc.referred[f]!;
    }
  }
}

export type { PairingConfig };
