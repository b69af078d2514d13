import { ACCOUNTS, type Account, type ProgrammeId } from './accounts.js';
import { assertTransferAmount, type Fen } from './money.js';

/** One aggregated line of the ledger: all of one kind of transfer in one month. */
export interface LedgerEntry {
  readonly payer: Account;
  readonly payee: Account;
  readonly programme: ProgrammeId;
  /** What the money is for, e.g. `subsidy`, `discount`, `premium`, `claim:topUp`. */
  readonly flow: string;
  /** Month index from the scenario's calendar (0 = the first simulated month). */
  readonly month: number;
  amountFen: Fen;
}

export type LedgerKey = 'payer' | 'payee' | 'programme' | 'flow' | 'month';

export interface AccountBalance {
  inFen: Fen;
  outFen: Fen;
  /** in − out: what the account holds at the end (negative for accounts money comes from). */
  netFen: Fen;
}

export interface BalanceReport {
  /** True when every amount is a non-negative integer and the nets sum to exactly zero. */
  ok: boolean;
  totalNetFen: Fen;
  accounts: Record<Account, AccountBalance>;
  problems: string[];
}

/**
 * Double-entry record of every transfer: payer → payee, programme, flow, month, amount.
 * Programmes post aggregated transfers (one per flow and month, not one per household),
 * so the ledger stays small however large the population is. Every posting debits one
 * account and credits another by the same integer fen, so money can neither appear nor
 * vanish; `balance()` proves it.
 */
export class Ledger {
  private readonly entries = new Map<string, LedgerEntry>();

  transfer(payer: Account, payee: Account, programme: ProgrammeId, flow: string, month: number, amountFen: Fen): void {
    assertTransferAmount(amountFen, `${programme} ${flow} ${payer}→${payee} month ${month}`);
    if (payer === payee) throw new Error(`${programme} ${flow}: a transfer needs two different accounts, got ${payer} twice`);
    if (!Number.isInteger(month) || month < 0) throw new RangeError(`${programme} ${flow}: month must be an index ≥ 0, got ${month}`);
    if (amountFen === 0) return;
    const key = `${payer}|${payee}|${programme}|${flow}|${month}`;
    const entry = this.entries.get(key);
    if (entry) entry.amountFen += amountFen;
    else this.entries.set(key, { payer, payee, programme, flow, month, amountFen });
  }

  /** All entries, in a stable order (by month, programme, flow, payer, payee). */
  list(): LedgerEntry[] {
    return [...this.entries.values()].sort(
      (a, b) =>
        a.month - b.month ||
        cmp(a.programme, b.programme) ||
        cmp(a.flow, b.flow) ||
        cmp(a.payer, b.payer) ||
        cmp(a.payee, b.payee),
    );
  }

  /** Sum of amounts of the entries that match every given field. */
  total(filter: Partial<Pick<LedgerEntry, LedgerKey>> = {}): Fen {
    let sum = 0;
    for (const e of this.entries.values()) if (matches(e, filter)) sum += e.amountFen;
    return sum;
  }

  /** Totals grouped by one or more keys, e.g. `aggregate(['payer', 'programme'])`. */
  aggregate(keys: readonly LedgerKey[], filter: Partial<Pick<LedgerEntry, LedgerKey>> = {}): Array<Record<string, string | number>> {
    const groups = new Map<string, Record<string, string | number>>();
    for (const e of this.list()) {
      if (!matches(e, filter)) continue;
      const id = keys.map((k) => String(e[k])).join('|');
      let row = groups.get(id);
      if (!row) {
        row = Object.fromEntries(keys.map((k) => [k, e[k]]));
        row.amountFen = 0;
        groups.set(id, row);
      }
      row.amountFen = (row.amountFen as number) + e.amountFen;
    }
    return [...groups.values()];
  }

  /** Adds every entry of another ledger into this one (used to merge programme ledgers). */
  absorb(other: Ledger): void {
    for (const e of other.entries.values()) this.transfer(e.payer, e.payee, e.programme, e.flow, e.month, e.amountFen);
  }

  /** Proves conservation: nothing created or lost, per account and in total. */
  balance(): BalanceReport {
    const accounts = Object.fromEntries(ACCOUNTS.map((a) => [a, { inFen: 0, outFen: 0, netFen: 0 }])) as Record<Account, AccountBalance>;
    const problems: string[] = [];
    for (const e of this.entries.values()) {
      if (!Number.isSafeInteger(e.amountFen) || e.amountFen < 0) problems.push(`bad amount ${e.amountFen} in ${e.programme} ${e.flow}`);
      accounts[e.payer].outFen += e.amountFen;
      accounts[e.payee].inFen += e.amountFen;
    }
    let totalNetFen = 0;
    for (const a of ACCOUNTS) {
      const b = accounts[a];
      b.netFen = b.inFen - b.outFen;
      totalNetFen += b.netFen;
    }
    if (totalNetFen !== 0) problems.push(`accounts do not net to zero: ${totalNetFen} fen`);
    return { ok: problems.length === 0, totalNetFen, accounts, problems };
  }

  get size(): number {
    return this.entries.size;
  }
}

function matches(e: LedgerEntry, filter: Partial<Pick<LedgerEntry, LedgerKey>>): boolean {
  for (const k of Object.keys(filter) as LedgerKey[]) if (filter[k] !== undefined && e[k] !== filter[k]) return false;
  return true;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
