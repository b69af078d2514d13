import type { Calendar } from '../../core/calendar.js';
import type { StreamFactory, Uniform } from '../../core/rng/stream.js';
import type { Population } from '../../population/columns.js';
import { ColumnTable, f64, i32, u8 } from './columns.js';
import type { PairingConfig } from './config.js';
import type { Referrals } from './referrals.js';
import { DONOR_TYPES, NEED_TYPES } from './vocabulary.js';

/** Pledges: one row per pledge a donor makes (money, employment places or skills places). */
export function pledgeTable() {
  return new ColumnTable({
    donor: i32(),
    donorType: u8(),
    /** HELP_KINDS code. */
    kind: u8(),
    /** MONEY_USES code (money pledges); place pledges serve families like `pairing`. */
    use: u8(),
    /** First month (calendar index) and the month after the last. */
    start: i32(),
    end: i32(),
    /** Per month: fen of money (goods at their booked value), or places. */
    monthly: f64(),
    /** 1 when the whole pledge is due at signing instead of monthly. */
    upfront: u8(),
    /** Preferred need-type code and subdistrict, −1 for none. */
    prefNeed: i32(),
    prefSubdistrict: i32(),
    reliability: f64(),
    /** Units per month promised to families through live links. */
    allocated: f64(),
    liveLinks: i32(),
    /** Overdue deliveries monitoring found that have not arrived: the pledge is suspended meanwhile. */
    openFound: i32(),
    /** 1 after monitoring found a delivery that will never arrive: the pledge takes no new families. */
    lapsed: u8(),
    /** Money delivered for paired families and not yet paid out. */
    heldFen: f64(),
    collectedFen: f64(),
    paidFen: f64(),
    /** Money that stayed unpaid when the pledge ended and went to the general fund. */
    releasedFen: f64(),
  });
}

/** Families: one row per household admitted to the needs pool by the third-party assessment. */
export function familyTable() {
  return new ColumnTable({
    household: i32(),
    referred: i32(),
    admitted: i32(),
    /** First month the family is no longer in need (it leaves the platform). */
    leaves: i32(),
    /** NEED_TYPES code. */
    needType: u8(),
    needFen: f64(),
    urgency: f64(),
    subdistrict: i32(),
    /** Units per month covered by live links: fen (money) or place value (employment). */
    coverageFen: f64(),
    liveLinks: i32(),
    paired: u8(),
    /** Month of the first agreement that made the family paired, −1 never. */
    firstPaired: i32(),
    pairedInWindow: u8(),
    /** Times the family became paired again after losing its pairing. */
    repairings: i32(),
    /** Money and services the family received in the current month (for unmet need). */
    aidThisMonthFen: f64(),
  });
}

/** Links: one signed agreement between a pledge and a family. */
export function linkTable() {
  return new ColumnTable({
    pledge: i32(),
    family: i32(),
    /** Per month: fen of money, or 1 place. */
    amount: f64(),
    start: i32(),
    /** Month after the last month the link accrues (pledge end, or the month after a cancellation). */
    end: i32(),
    /** 1 while the link counts toward the family's coverage. */
    live: u8(),
    /** Money due to the family under this link and not yet paid (waits for the donor's delivery). */
    owedFen: f64(),
    paidFen: f64(),
    /** Total units the link promised (amount × months accrued): what was pledged for this family. */
    promised: f64(),
    /** 1 for a link made in a month where one pledge served several families, or a family took several pledges. */
    form: u8(),
  });
}

/** Deliveries that did not arrive in the month they were due. */
export function overdueTable() {
  return new ColumnTable({
    pledge: i32(),
    /** Link for a place delivery (a month of a job or course for one family), −1 for money. */
    link: i32(),
    due: i32(),
    /** Month it arrives, −1 never. */
    arrival: i32(),
    amount: f64(),
    found: u8(),
    foundMonth: i32(),
  });
}

export type PledgeTable = ReturnType<typeof pledgeTable>;
export type FamilyTable = ReturnType<typeof familyTable>;
export type LinkTable = ReturnType<typeof linkTable>;
export type OverdueTable = ReturnType<typeof overdueTable>;

/** Money moved in the current month, by the keys of its ledger flows; posted and reset monthly. */
export interface MonthFlows {
  /** [donorType] */
  cashIn: Float64Array;
  goodsIn: Float64Array;
  /** [needType * DONOR_TYPES.length + donorType] */
  aid: Float64Array;
  goodsOut: number;
  activitiesOut: number;
  /** [(kind − 1) * DONOR_TYPES.length + donorType] for employment (1) and skills (2). */
  services: Float64Array;
}

export function emptyMonthFlows(): MonthFlows {
  return {
    cashIn: new Float64Array(DONOR_TYPES.length),
    goodsIn: new Float64Array(DONOR_TYPES.length),
    aid: new Float64Array(NEED_TYPES.length * DONOR_TYPES.length),
    goodsOut: 0,
    activitiesOut: 0,
    services: new Float64Array(2 * DONOR_TYPES.length),
  };
}

export function resetMonthFlows(f: MonthFlows): void {
  f.cashIn.fill(0);
  f.goodsIn.fill(0);
  f.aid.fill(0);
  f.goodsOut = 0;
  f.activitiesOut = 0;
  f.services.fill(0);
}

/** Per-month series of one run, indexed by calendar month. */
export interface PairingSeries {
  raisedFen: Float64Array;
  disbursedFen: Float64Array;
  goodsOutFen: Float64Array;
  activitiesOutFen: Float64Array;
  servicesFen: Float64Array;
  /** What the association holds for the platform at the end of each month. */
  heldFen: Float64Array;
  unmetNeedFen: Float64Array;
  unmetUrgentNeedFen: Float64Array;
  /** Families paired / waiting / admitted at the end of each month. */
  pairedFamilies: Int32Array;
  waitingFamilies: Int32Array;
  admittedFamilies: Int32Array;
  /** Deliveries due that month that came late or never; and those monitoring found (by month found). */
  lateDue: Int32Array;
  found: Int32Array;
  /** Families that became paired that month for the first time, and again after losing a pairing. */
  newlyPaired: Int32Array;
  repaired: Int32Array;
}

export function emptySeries(months: number): PairingSeries {
  return {
    raisedFen: new Float64Array(months),
    disbursedFen: new Float64Array(months),
    goodsOutFen: new Float64Array(months),
    activitiesOutFen: new Float64Array(months),
    servicesFen: new Float64Array(months),
    heldFen: new Float64Array(months),
    unmetNeedFen: new Float64Array(months),
    unmetUrgentNeedFen: new Float64Array(months),
    pairedFamilies: new Int32Array(months),
    waitingFamilies: new Int32Array(months),
    admittedFamilies: new Int32Array(months),
    lateDue: new Int32Array(months),
    found: new Int32Array(months),
    newlyPaired: new Int32Array(months),
    repaired: new Int32Array(months),
  };
}

/** Random streams of the pairing programme, one per kind of draw. */
export interface PairingStreams {
  referral: Uniform;
  needType: Uniform;
  needAmount: Uniform;
  needDuration: Uniform;
  /** Per donor type: arrivals, fixed-count choices, pledge size, reliability, places. */
  arrivals: Uniform[];
  choices: Uniform[];
  size: Uniform[];
  reliability: Uniform[];
  places: Uniform[];
  moneyDelivery: Uniform;
  placeDelivery: Uniform;
  monitoring: Uniform;
}

export function pairingStreams(f: StreamFactory): PairingStreams {
  const perType = (purpose: string) => DONOR_TYPES.map((t) => f.stream(`${purpose}.${t}`));
  return {
    referral: f.stream('referral'),
    needType: f.stream('needs.type'),
    needAmount: f.stream('needs.amount'),
    needDuration: f.stream('needs.duration'),
    arrivals: perType('donors.arrivals'),
    choices: perType('donors.choices'),
    size: perType('donors.size'),
    reliability: perType('donors.reliability'),
    places: perType('donors.places'),
    moneyDelivery: f.stream('delivery.money'),
    placeDelivery: f.stream('delivery.places'),
    monitoring: f.stream('monitoring'),
  };
}

/** Everything one run of the platform keeps; the steps of a month read and write it. */
export interface PairingState {
  readonly cfg: PairingConfig;
  readonly population: Population;
  readonly calendar: Calendar;
  readonly rng: PairingStreams;
  readonly donors: ColumnTable<{ type: Uint8Array; joined: Int32Array; reliability: Float64Array }>;
  readonly pledges: PledgeTable;
  readonly families: FamilyTable;
  readonly links: LinkTable;
  readonly overdue: OverdueTable;
  readonly flows: MonthFlows;
  readonly series: PairingSeries;
  /** Money of the association not tied to a pledge: general donations and released leftovers. */
  generalFundFen: number;
  /** Goods received and not yet handed out, at their booked value. */
  goodsStockFen: number;
  readonly referrals: Referrals;
  /** Referrals whose assessment has started / finished (prefixes of the referral list). */
  assessStarted: number;
  assessDone: number;
  /** Month each referral's assessment started. */
  readonly assessStartMonth: Int32Array;
  /** Household to trace (−1 none) and where its lines go. */
  readonly traceHousehold: number;
  readonly trace: string[] | undefined;
}

/** True when `household` is traced; check it before building a trace line's text (the hot loops stay string-free). */
export function traced(st: PairingState, household: number): boolean {
  return household === st.traceHousehold && st.trace !== undefined;
}

/** Adds a trace line for the traced household (callers check `traced` first). */
export function traceLine(st: PairingState, household: number, month: number, text: string): void {
  if (st.trace && household === st.traceHousehold) st.trace.push(`pairing ${st.calendar.label(month)}: ${text}`);
}
