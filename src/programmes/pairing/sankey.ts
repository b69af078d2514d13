import type { Ledger } from '../../core/ledger.js';
import { fenToYuan } from '../../core/money.js';
import type { Table } from '../../core/table.js';
import { parseFlow } from './flows.js';

/**
 * The rows of the pairing Sankey diagram, read off the ledger for months [from, to]:
 * donor type → charity association (cash and goods), association → need type (aid),
 * goods and other relief, and what it kept (`held`); job and course places go from the
 * donor type straight to the employment need; every need type and relief line ends at the
 * families (`households`). Feed the table to report/figures/pairingSankeyFigure.
 */
export function pairingSankeyTable(ledger: Ledger, from: number, to: number): Table {
  const links = new Map<string, number>();
  const add = (source: string, target: string, fen: number) => links.set(`${source}\u0000${target}`, (links.get(`${source}\u0000${target}`) ?? 0) + fen);
  let heldChange = 0;
  for (const e of ledger.list()) {
    if (e.programme !== 'pairing' || e.month < from || e.month > to) continue;
    const f = parseFlow(e.flow);
    switch (f.kind) {
      case 'donation':
        add(`from:${f.donorType}`, 'charityAssociation', e.amountFen);
        heldChange += e.amountFen;
        break;
      case 'aid':
        add('charityAssociation', `to:${f.needType}`, e.amountFen);
        add(`to:${f.needType}`, 'households', e.amountFen);
        heldChange -= e.amountFen;
        break;
      case 'goods':
      case 'activities':
        add('charityAssociation', `to:${f.kind}`, e.amountFen);
        add(`to:${f.kind}`, 'households', e.amountFen);
        heldChange -= e.amountFen;
        break;
      case 'service':
        add(`from:${f.donorType}`, 'to:employment', e.amountFen);
        add('to:employment', 'households', e.amountFen);
        break;
    }
  }
  if (heldChange > 0) add('charityAssociation', 'held', heldChange);
  else if (heldChange < 0) add('held', 'charityAssociation', -heldChange);
  const source: string[] = [];
  const target: string[] = [];
  const yuan: number[] = [];
  for (const [key, fen] of links) {
    const [s, t] = key.split('\u0000') as [string, string];
    source.push(s);
    target.push(t);
    yuan.push(fenToYuan(fen));
  }
  return { source, target, yuan };
}
