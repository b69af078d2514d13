import type { Calendar } from '../../core/calendar.js';
import type { Ledger } from '../../core/ledger.js';
import { fenToYuan } from '../../core/money.js';
import type { Table } from '../../core/table.js';
import { parseFlow } from './flows.js';
import type { PairingRun } from './simulatePairing.js';
import { DONOR_TYPES, KIND_MONEY, NEED_TYPES } from './vocabulary.js';

export interface DisclosureOptions {
  /** First and last calendar month index to publish. */
  from: number;
  to: number;
  /** Months per published period (1 monthly, 3 quarterly, 12 yearly). */
  periodMonths: number;
  /** The run, for the delivery register (late and missing deliveries are not money moved, so not in the ledger). */
  run?: PairingRun;
}

/**
 * The platform's public table (定期公示), one row per period: who gave what (by donor type,
 * cash and goods), where it went (aid by need type, goods, other relief, job and course
 * places), what the association holds at the period's end, and which deliveries were late.
 * Every money column is summed from the ledger's pairing entries, so the table cannot
 * disagree with the ledger; the late columns come from the delivery register.
 */
export function disclosureTable(ledger: Ledger, calendar: Calendar, o: DisclosureOptions): Table {
  if (!(o.periodMonths >= 1) || !Number.isInteger(o.periodMonths)) throw new RangeError(`periodMonths must be a whole number ≥ 1, got ${o.periodMonths}`);
  const periods: Array<[number, number]> = [];
  for (let a = o.from; a <= o.to; a += o.periodMonths) periods.push([a, Math.min(o.to, a + o.periodMonths - 1)]);
  const cols: Record<string, number[]> = {};
  const col = (name: string): number[] => (cols[name] ??= new Array<number>(periods.length).fill(0));
  // Fix the column order first: given, went, held, late.
  for (const t of DONOR_TYPES) col(`given.${t}`);
  col('given.cash');
  col('given.goods');
  col('given.total');
  for (const n of NEED_TYPES) if (n !== 'employment') col(`aid.${n}`);
  for (const n of ['goods', 'activities', 'services.employment', 'services.skills', 'went.total', 'held.end']) col(n);
  const periodOf = (m: number): number => (m < o.from || m > o.to ? -1 : Math.floor((m - o.from) / o.periodMonths));
  const heldChange = new Array<number>(periods.length).fill(0);
  let heldBefore = 0;
  for (const e of ledger.list()) {
    if (e.programme !== 'pairing') continue;
    const sign = e.payee === 'charityAssociation' ? 1 : e.payer === 'charityAssociation' ? -1 : 0;
    const k = periodOf(e.month);
    if (e.month < o.from) heldBefore += sign * e.amountFen;
    if (k < 0) continue;
    heldChange[k] = heldChange[k]! + sign * e.amountFen;
    const f = parseFlow(e.flow);
    const add = (name: string) => (col(name)[k] = col(name)[k]! + e.amountFen);
    if (f.kind === 'donation') {
      add(`given.${f.donorType}`);
      add(`given.${f.form}`);
      add('given.total');
    } else {
      if (f.kind === 'aid') add(`aid.${f.needType}`);
      else if (f.kind === 'service') add(`services.${f.help}`);
      else add(f.kind);
      add('went.total');
    }
  }
  let held = heldBefore;
  for (let k = 0; k < periods.length; k++) col('held.end')[k] = held += heldChange[k]!;
  const table: Table = { period: periods.map(([a, b]) => (a === b ? calendar.label(a) : `${calendar.label(a)}..${calendar.label(b)}`)) };
  for (const [name, values] of Object.entries(cols)) table[`${name}Yuan`] = values.map(fenToYuan);
  if (o.run) {
    const late = new Array<number>(periods.length).fill(0);
    const lateYuan = new Array<number>(periods.length).fill(0);
    const found = new Array<number>(periods.length).fill(0);
    const oc = o.run.overdue.cols;
    for (let i = 0; i < o.run.overdue.length; i++) {
      const k = periodOf(oc.due[i]!);
      if (k < 0) continue;
      late[k]++;
      if (oc.found[i] === 1) found[k]++;
      if (o.run.pledges.cols.kind[oc.pledge[i]!] === KIND_MONEY) lateYuan[k] = lateYuan[k]! + fenToYuan(oc.amount[i]!);
    }
    table.lateDeliveries = late;
    table.lateFound = found;
    table.lateMoneyYuan = lateYuan;
  }
  return table;
}
