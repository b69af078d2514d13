import type { Account } from '../core/accounts.js';
import type { BalanceReport } from '../core/ledger.js';

/**
 * Accounts whose inflows are sales, not relief funding: the stores are paid for goods
 * (by card holders, the public, and the association's card subsidy spent by card holders),
 * so what they contribute to relief is what they give away (the discounts).
 */
export const SALES_ACCOUNTS: readonly Account[] = ['storeOperators'];

/**
 * What a payer contributes, in fen: money out minus money in, so that an intermediary such
 * as the charity association counts only what it adds and an insurer whose premiums exceed
 * its claims shows a gain (a negative cost). A sales account counts money out only.
 */
export function payerCostFen(account: Account, inFen: number, outFen: number): number {
  return SALES_ACCOUNTS.includes(account) ? outFen : outFen - inFen;
}

/** `payerCostFen` for an account of a ledger's balance. */
export function payerCostFromBalance(balance: BalanceReport, account: Account): number {
  const b = balance.accounts[account];
  return payerCostFen(account, b.inFen, b.outFen);
}
