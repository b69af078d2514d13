import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capWorthFen, categoryDiscountFen, capMarketValueFen } from '../../src/programmes/supermarket/pricing.js';
import {
  DISCOUNT,
  OTHER_GOODS,
  OWN_SPENDING,
  PAID,
  pricingTerms,
  settleMonth,
  SETTLED_SLOTS,
  STAPLES_CAP_BINDS,
  STAPLES_DISCOUNT,
  SUBSIDY_USED,
  VEGETABLES_CAP_BINDS,
  VEGETABLES_DISCOUNT,
} from '../../src/programmes/supermarket/settle.js';
import type { CapBasis } from '../../src/programmes/supermarket/parameters.js';

/** The article's terms: vegetables 60% up to 100 yuan, staples 80% up to 200 yuan. */
function articleTerms(capBasis: CapBasis, spendDown = true) {
  return pricingTerms({ vegetables: { priceFactor: 0.6, cap: 100 }, staples: { priceFactor: 0.8, cap: 200 }, capBasis, subsidy: { spendDown } });
}

function settle(vegFen: number, stapFen: number, balanceFen: number, capBasis: CapBasis, spendDown = true) {
  const out = new Float64Array(SETTLED_SLOTS);
  settleMonth(vegFen, stapFen, balanceFen, articleTerms(capBasis, spendDown), out);
  return {
    vegDiscount: out[VEGETABLES_DISCOUNT],
    stapDiscount: out[STAPLES_DISCOUNT],
    discount: out[DISCOUNT],
    paid: out[PAID],
    used: out[SUBSIDY_USED],
    own: out[OWN_SPENDING],
    other: out[OTHER_GOODS],
    vegBinds: out[VEGETABLES_CAP_BINDS],
    stapBinds: out[STAPLES_CAP_BINDS],
  };
}

describe('a household-month at the till, computed by hand (fen)', () => {
  it('paid basis, caps not binding: vegetables 50 and staples 120 yuan at market value, 60 yuan on the card', () => {
    // Vegetables: 50 × 0.6 = 30 paid (discount 20); staples: 120 × 0.8 = 96 paid (discount 24).
    // Paid 126 ≤ both caps' coverage; the card pays 60, the household 66.
    expect(settle(5000, 12000, 6000, 'paid')).toEqual({ vegDiscount: 2000, stapDiscount: 2400, discount: 4400, paid: 12600, used: 6000, own: 6600, other: 0, vegBinds: 0, stapBinds: 0 });
  });

  it('paid basis, both caps binding: vegetables 200 and staples 300 yuan', () => {
    // Vegetables: 100 yuan paid buys 100/0.6 = 166.67 of market value (discount 66.67, rounded
    // down to 66.66); the other 33.33 at market price. Staples: 200 paid buys 250 (discount 50);
    // the other 50 at market. Paid 500 − 116.66 = 383.34.
    expect(settle(20000, 30000, 6000, 'paid')).toEqual({ vegDiscount: 6666, stapDiscount: 5000, discount: 11666, paid: 38334, used: 6000, own: 32334, other: 0, vegBinds: 1, stapBinds: 1 });
  });

  it('market basis, caps not binding: vegetables 80 and staples 150 yuan', () => {
    // 80 ≤ 100 and 150 ≤ 200 of market value: discounts 32 + 30; paid 168.
    expect(settle(8000, 15000, 6000, 'market')).toEqual({ vegDiscount: 3200, stapDiscount: 3000, discount: 6200, paid: 16800, used: 6000, own: 10800, other: 0, vegBinds: 0, stapBinds: 0 });
  });

  it('market basis, both caps binding: vegetables 150 and staples 250 yuan', () => {
    // Vegetables: 100 of market value at 60 + 50 at market = 110; staples: 200 at 160 + 50 = 210.
    expect(settle(15000, 25000, 6000, 'market')).toEqual({ vegDiscount: 4000, stapDiscount: 4000, discount: 8000, paid: 32000, used: 6000, own: 26000, other: 0, vegBinds: 1, stapBinds: 1 });
  });

  it('the same purchase binds under the paid basis less often than under the market basis', () => {
    // 150 yuan of vegetables: 90 paid is within a 100-yuan paid cap, but above a 100-yuan market cap.
    expect(settle(15000, 0, 0, 'paid').vegBinds).toBe(0);
    expect(settle(15000, 0, 0, 'market').vegBinds).toBe(1);
  });

  it('spends down a rolled-over balance on other goods at market price', () => {
    // 120 yuan on the card; food costs 30 × 0.6 + 50 × 0.8 = 58; 62 of other goods use up the card.
    expect(settle(3000, 5000, 12000, 'paid', true)).toEqual({ vegDiscount: 1200, stapDiscount: 1000, discount: 2200, paid: 12000, used: 12000, own: 0, other: 6200, vegBinds: 0, stapBinds: 0 });
    // Without spending down, the card pays the 58 and 62 stay on it.
    expect(settle(3000, 5000, 12000, 'paid', false)).toMatchObject({ paid: 5800, used: 5800, own: 0, other: 0 });
  });

  it('a price factor of 1 gives no discount and a cap of 0 gives none either', () => {
    expect(categoryDiscountFen(12345, 1, capMarketValueFen(10000, 1, 'paid'))).toBe(0);
    expect(categoryDiscountFen(12345, 0.6, capMarketValueFen(0, 0.6, 'paid'))).toBe(0);
  });

  it('float products round to the fen they mean (500 × 0.2 is 100 fen, not 99)', () => {
    expect(categoryDiscountFen(500, 0.8, Infinity)).toBe(100);
    expect(categoryDiscountFen(12000, 0.8, Infinity)).toBe(2400);
  });
});

const basis = fc.constantFrom<CapBasis>('paid', 'market');
const factor = fc.double({ min: 0.01, max: 1, noNaN: true });
const capYuan = fc.double({ min: 0, max: 2000, noNaN: true });
const fen = fc.integer({ min: 0, max: 5_000_000 });

describe('properties of the till (fast-check)', () => {
  it('no household pays more than market value (plus the card top-up) or less than zero; the discount never exceeds the cap\'s worth', () => {
    fc.assert(
      fc.property(fen, fen, fen, factor, capYuan, factor, capYuan, basis, fc.boolean(), (veg, stap, balance, vf, vc, sf, sc, b, spendDown) => {
        const t = pricingTerms({ vegetables: { priceFactor: vf, cap: vc }, staples: { priceFactor: sf, cap: sc }, capBasis: b, subsidy: { spendDown } });
        const out = new Float64Array(SETTLED_SLOTS);
        settleMonth(veg, stap, balance, t, out);
        const foodPaid = out[PAID]! - out[OTHER_GOODS]!;
        expect(foodPaid).toBeGreaterThanOrEqual(0);
        expect(foodPaid).toBeLessThanOrEqual(veg + stap);
        expect(out[VEGETABLES_DISCOUNT]!).toBeLessThanOrEqual(capWorthFen(vc * 100, vf, b) + 1e-6);
        expect(out[STAPLES_DISCOUNT]!).toBeLessThanOrEqual(capWorthFen(sc * 100, sf, b) + 1e-6);
        expect(out[VEGETABLES_DISCOUNT]!).toBeLessThanOrEqual(veg * (1 - vf) + 1e-6);
        expect(out[STAPLES_DISCOUNT]!).toBeLessThanOrEqual(stap * (1 - sf) + 1e-6);
        for (let i = 0; i < SETTLED_SLOTS; i++) {
          expect(Number.isInteger(out[i]!)).toBe(true);
          expect(out[i]!).toBeGreaterThanOrEqual(0);
        }
        expect(out[SUBSIDY_USED]!).toBeLessThanOrEqual(balance);
        expect(out[SUBSIDY_USED]! + out[OWN_SPENDING]!).toBe(out[PAID]!);
        if (!spendDown) expect(out[OTHER_GOODS]).toBe(0);
      }),
      { numRuns: 2000 },
    );
  });

  it('a higher cap never gives a smaller discount, and a lower price factor never a smaller one below the cap', () => {
    fc.assert(
      fc.property(fen, factor, capYuan, capYuan, basis, (market, f, c1, c2, b) => {
        const lo = Math.min(c1, c2);
        const hi = Math.max(c1, c2);
        expect(categoryDiscountFen(market, f, capMarketValueFen(hi * 100, f, b))).toBeGreaterThanOrEqual(categoryDiscountFen(market, f, capMarketValueFen(lo * 100, f, b)));
        const f2 = Math.max(0.01, f - 0.1);
        expect(categoryDiscountFen(market, f2, Infinity)).toBeGreaterThanOrEqual(categoryDiscountFen(market, f, Infinity));
      }),
      { numRuns: 1000 },
    );
  });
});
