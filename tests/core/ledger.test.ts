import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, PROGRAMMES } from '../../src/core/accounts.js';
import { Ledger } from '../../src/core/ledger.js';
import { fenHalfUp, fenToYuan, roundFen, yuanToFen } from '../../src/core/money.js';

describe('money', () => {
  it('converts yuan to whole fen and back', () => {
    expect(yuanToFen(60)).toBe(6000);
    expect(yuanToFen(0.015)).toBe(2);
    expect(yuanToFen(-0)).toBe(0);
    expect(Object.is(yuanToFen(-0.001), 0)).toBe(true);
    expect(fenToYuan(843_200_00)).toBe(843_200);
    expect(roundFen(12.5)).toBe(13);
  });
  it('rounds non-negative amounts half up as Math.round does, but for one documented value', () => {
    expect([0, 0.4, 0.5, 1.49, 2.5, 99.99999999999997].map(fenHalfUp)).toEqual([0, 0, 1, 1, 3, 100]);
    expect(fenHalfUp(0.49999999999999994)).toBe(1);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 2 ** 52, noNaN: true }), (x) => {
        fc.pre(x !== 0.49999999999999994);
        expect(fenHalfUp(x)).toBe(Math.round(x));
      }),
      { numRuns: 2000 },
    );
  });
  it('refuses non-finite yuan', () => {
    expect(() => yuanToFen(Number.NaN)).toThrow(/finite/);
    expect(() => yuanToFen(Infinity)).toThrow(/finite/);
  });
});

describe('ledger', () => {
  it('aggregates by any key and balances', () => {
    const l = new Ledger();
    l.transfer('charityAssociation', 'households', 'supermarket', 'subsidy', 0, 6000);
    l.transfer('charityAssociation', 'households', 'supermarket', 'subsidy', 0, 6000);
    l.transfer('households', 'storeOperators', 'supermarket', 'purchases', 0, 9000);
    l.transfer('districtBudget', 'insurer', 'insurance', 'premium', 3, 100_00);
    expect(l.total({ flow: 'subsidy' })).toBe(12000);
    expect(l.total({ programme: 'insurance' })).toBe(10000);
    // Groups appear in ledger order: by month, then programme, then flow.
    expect(l.aggregate(['payer'])).toEqual([
      { payer: 'households', amountFen: 9000 },
      { payer: 'charityAssociation', amountFen: 12000 },
      { payer: 'districtBudget', amountFen: 10000 },
    ]);
    const b = l.balance();
    expect(b.ok).toBe(true);
    expect(b.accounts.households.netFen).toBe(3000);
    expect(b.accounts.charityAssociation.netFen).toBe(-12000);
  });
  it('rejects fractional, negative and non-finite amounts, and self-transfers', () => {
    const l = new Ledger();
    expect(() => l.transfer('donors', 'households', 'pairing', 'aid', 0, 1.5)).toThrow(/integer/);
    expect(() => l.transfer('donors', 'households', 'pairing', 'aid', 0, -1)).toThrow(/non-negative/);
    expect(() => l.transfer('donors', 'households', 'pairing', 'aid', 0, Number.NaN)).toThrow();
    expect(() => l.transfer('donors', 'donors', 'pairing', 'aid', 0, 1)).toThrow(/two different/);
  });
  it('always nets to zero, whatever the transfers (property)', () => {
    const transfer = fc.record({
      payer: fc.constantFrom(...ACCOUNTS),
      payee: fc.constantFrom(...ACCOUNTS),
      programme: fc.constantFrom(...PROGRAMMES),
      month: fc.integer({ min: 0, max: 59 }),
      fen: fc.integer({ min: 0, max: 1e12 }),
    });
    fc.assert(
      fc.property(fc.array(transfer, { maxLength: 200 }), (ts) => {
        const l = new Ledger();
        let moved = 0;
        for (const t of ts) {
          if (t.payer === t.payee) continue;
          l.transfer(t.payer, t.payee, t.programme, 'f', t.month, t.fen);
          moved += t.fen;
        }
        const b = l.balance();
        const outs = ACCOUNTS.reduce((s, a) => s + b.accounts[a].outFen, 0);
        return b.ok && b.totalNetFen === 0 && outs === moved && l.total() === moved;
      }),
    );
  });
});
