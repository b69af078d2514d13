import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { allocateHouseholds, allocatePersons, type Population } from '../../src/population/columns.js';
import { supermarketMetrics } from '../../src/programmes/supermarket/metrics.js';
import { SUPERMARKET_COLUMNS } from '../../src/programmes/supermarket/run.js';
import { enrolmentBit } from '../../src/engine/outcomes.js';
import { baseline, runSupermarketOnly, SMALL_POPULATION } from './helpers.js';

const SEED = 2016;
/** The baseline with fewer eligible households: same behaviour, less work per test. */
const small = (o: Record<string, unknown> = {}) => baseline({ ...SMALL_POPULATION, ...o });

describe('supermarket programme: money', () => {
  it('balances the ledger to the fen, posting one line per flow and month', () => {
    const r = runSupermarketOnly(baseline(), SEED, 0);
    const b = r.ledger.balance();
    expect(b.ok).toBe(true);
    expect(b.totalNetFen).toBe(0);
    const flows = new Set(r.ledger.list().map((e) => e.flow));
    expect([...flows].sort()).toEqual(['cardPurchases', 'discount', 'publicSales', 'subsidy']);
    expect(r.ledger.size).toBeLessThanOrEqual(4 * 48);
  });

  it('ledger flows agree with the metrics, and households net pay exactly their own spending', () => {
    const r = runSupermarketOnly(small(), SEED, 1);
    const yuan = (flow: string) => r.ledger.total({ programme: 'supermarket', flow }) / 100;
    const m = r.metrics;
    // The baseline window covers the whole calendar, so window totals equal ledger totals.
    expect(yuan('discount')).toBeCloseTo(m['supermarket.discountYuan']!, 6);
    expect(yuan('subsidy')).toBeCloseTo(m['supermarket.subsidyYuan']!, 6);
    expect(yuan('publicSales')).toBeCloseTo(m['supermarket.publicSalesYuan']!, 6);
    expect(yuan('cardPurchases')).toBeCloseTo(m['supermarket.cardSalesYuan']! - m['supermarket.subsidyYuan']!, 6);
    const acc = r.ledger.balance().accounts;
    expect(-acc.households.netFen / 100).toBeCloseTo(m['supermarket.ownSpendingYuan']!, 6);
    expect(-acc.charityAssociation.netFen / 100).toBeCloseTo(m['supermarket.subsidyYuan']!, 6);
    expect(acc.storeOperators.outFen / 100).toBeCloseTo(m['supermarket.discountYuan']!, 6);
  });

  it('accounts for every yuan of card credit: credited = spent + forfeited + left on cards', () => {
    for (const unspent of ['rollOver', 'expire', 'capped'] as const) {
      for (const spendDown of [true, false]) {
        const m = runSupermarketOnly(baseline({ ...SMALL_POPULATION, 'supermarket.subsidy.unspent': unspent, 'supermarket.subsidy.spendDown': spendDown }), SEED, 0).metrics;
        expect(m['supermarket.subsidyCreditedYuan']).toBeCloseTo(m['supermarket.subsidyYuan']! + m['supermarket.subsidyForfeitedYuan']! + m['supermarket.subsidyOutstandingYuan']!, 4);
        if (unspent === 'expire') expect(m['supermarket.subsidyOutstandingYuan']).toBe(0);
        if (unspent === 'rollOver') expect(m['supermarket.subsidyYuan']).toBeGreaterThan(0);
      }
    }
  });

  it('fills the benefit column, enrolment bits and its own columns consistently with the totals', () => {
    const r = runSupermarketOnly(small(), SEED, 2);
    const o = r.outcomes;
    for (const c of SUPERMARKET_COLUMNS) expect(o.extra[`supermarket.${c}`]).toBeInstanceOf(Float64Array);
    let benefit = 0;
    let enrolled = 0;
    let months = 0;
    let mismatches = 0;
    for (let h = 0; h < o.count; h++) {
      benefit += o.benefitFen.supermarket[h]!;
      months += o.extra['supermarket.cardMonths']![h]!;
      if (o.enrolment[h]! & enrolmentBit('supermarket')) enrolled++;
      if (o.benefitFen.supermarket[h] !== o.extra['supermarket.discountFen']![h]! + o.extra['supermarket.subsidyFen']![h]!) mismatches++;
      if (r.population.households.category[h] === 2 && o.extra['supermarket.cardMonths']![h] !== 0) mismatches++;
      if (o.extra['supermarket.ownSpendingFen']![h] !== o.extra['supermarket.storePurchasesFen']![h]! - o.extra['supermarket.discountFen']![h]! - o.extra['supermarket.subsidyFen']![h]!) mismatches++;
    }
    expect(mismatches).toBe(0);
    const m = r.metrics;
    expect(benefit / 100).toBeCloseTo(m['supermarket.discountYuan']! + m['supermarket.subsidyYuan']!, 4);
    expect(enrolled).toBe(m['supermarket.cardHoldersEver']);
    expect(months).toBe(m['supermarket.cardMonths']);
  });

  it('returns exactly its declared metrics, all finite', () => {
    const m = runSupermarketOnly(baseline(), SEED, 0).metrics;
    expect(Object.keys(m).sort()).toEqual(supermarketMetrics.map((s) => s.id).sort());
    for (const v of Object.values(m)) expect(Number.isFinite(v)).toBe(true);
  });
});

describe('supermarket programme: determinism and common random numbers', () => {
  it('gives identical numbers for the same seed and replication, different ones for another replication', () => {
    const a = runSupermarketOnly(small(), SEED, 3);
    const b = runSupermarketOnly(small(), SEED, 3);
    expect(b.metrics).toEqual(a.metrics);
    expect(b.ledger.list()).toEqual(a.ledger.list());
    expect(runSupermarketOnly(small(), SEED, 4).metrics['supermarket.discountYuan']).not.toBe(a.metrics['supermarket.discountYuan']);
  });

  it('a change of caps, price-factor-free levers or cap basis leaves card holders and visits untouched', () => {
    const base = runSupermarketOnly(small(), SEED, 0).metrics;
    for (const o of [{ 'supermarket.vegetables.cap': 50 }, { 'supermarket.capBasis': 'market' }, { 'supermarket.subsidy.monthlyYuan': 100 }, { 'supermarket.subsidy.unspent': 'rollOver' }]) {
      const m = runSupermarketOnly(small(o), SEED, 0).metrics;
      expect(m['supermarket.cardMonths']).toBe(base['supermarket.cardMonths']);
      expect(m['supermarket.personTimes']).toBe(base['supermarket.personTimes']);
      expect(m['supermarket.publicSalesYuan']).toBe(base['supermarket.publicSalesYuan']);
    }
  });
});

describe('supermarket programme: zero and edge cases', () => {
  it('zero card holders give zeros, never NaN', () => {
    for (const o of [{ 'supermarket.cards.takeUpShare': 0 }, { 'population.dibao.households': 0, 'population.marginal.households': 0 }, { 'supermarket.cards.eligibleCategories': [] }]) {
      const r = runSupermarketOnly(baseline(o), SEED, 0);
      for (const [id, v] of Object.entries(r.metrics)) {
        expect(Number.isNaN(v), id).toBe(false);
        if (!/publicSales|storeMonths|operatorProfit|publicDonation/.test(id)) expect(v, id).toBe(0);
      }
      expect(r.metrics['supermarket.publicDonationPer100Yuan']).toBe(0);
      expect(r.ledger.balance().ok).toBe(true);
    }
  });

  it('a reporting window outside the calendar reports zeros; the ledger still covers every month', () => {
    for (const window of [{ from: '2020-01', to: '2020-12' }, { from: '2010-01', to: '2012-12' }]) {
      const r = runSupermarketOnly(small({ 'supermarket.reporting.from': window.from, 'supermarket.reporting.to': window.to }), SEED, 0);
      for (const [id, v] of Object.entries(r.metrics)) expect(v, id).toBe(0);
      expect(r.ledger.total({ flow: 'discount' })).toBeGreaterThan(0);
    }
  });

  it('a window shorter than the calendar counts only its months', () => {
    const full = runSupermarketOnly(small(), SEED, 0).metrics;
    const y2016 = runSupermarketOnly(small({ 'supermarket.reporting.from': '2016-01', 'supermarket.reporting.to': '2016-12' }), SEED, 0).metrics;
    // 13 stores open all year, the 14th from March 2016.
    expect(y2016['supermarket.storeMonths']).toBe(13 * 12 + 10);
    expect(y2016['supermarket.discountYuan']).toBeLessThan(full['supermarket.discountYuan']!);
    expect(y2016['supermarket.discountYuan']).toBeGreaterThan(0);
  });

  it('random policies on a small population: balanced ledger, no negative or non-finite money (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.record({
          vf: fc.double({ min: 0.05, max: 1, noNaN: true }),
          sf: fc.double({ min: 0.05, max: 1, noNaN: true }),
          vc: fc.integer({ min: 0, max: 400 }),
          sc: fc.integer({ min: 0, max: 400 }),
          sub: fc.integer({ min: 0, max: 200 }),
          basis: fc.constantFrom('paid', 'market'),
          unspent: fc.constantFrom('rollOver', 'expire', 'capped'),
          dist: fc.constantFrom('regular', 'poisson'),
          rep: fc.integer({ min: 0, max: 50 }),
        }),
        (p) => {
          const s = baseline({
            ...SMALL_POPULATION,
            'supermarket.vegetables.priceFactor': p.vf,
            'supermarket.staples.priceFactor': p.sf,
            'supermarket.vegetables.cap': p.vc,
            'supermarket.staples.cap': p.sc,
            'supermarket.subsidy.monthlyYuan': p.sub,
            'supermarket.subsidy.maxBalanceYuan': Math.max(p.sub, 120),
            'supermarket.capBasis': p.basis,
            'supermarket.subsidy.unspent': p.unspent,
            'supermarket.visits.distribution': p.dist,
          });
          const r = runSupermarketOnly(s, SEED, p.rep);
          expect(r.ledger.balance().ok).toBe(true);
          for (const [id, v] of Object.entries(r.metrics)) {
            expect(Number.isFinite(v), id).toBe(true);
            if (id !== 'supermarket.operatorProfitYuan') expect(v, id).toBeGreaterThanOrEqual(0);
          }
          let bad = 0;
          for (const c of SUPERMARKET_COLUMNS) for (const v of r.outcomes.extra[`supermarket.${c}`]!) if (!(v >= 0 && Number.isFinite(v))) bad++;
          expect(bad).toBe(0);
          // Discounts never exceed what the caps are worth over the card months.
          const capWorth = (cap: number, f: number) => (p.basis === 'paid' ? cap / f : cap) * (1 - f);
          const most = r.metrics['supermarket.cardMonths']! * (capWorth(p.vc, p.vf) + capWorth(p.sc, p.sf));
          expect(r.metrics['supermarket.discountYuan']!).toBeLessThanOrEqual(most + 1e-6);
        },
      ),
      { numRuns: 6 },
    );
  });
});

/** One household, hand-built, so that every month of its trace can be checked by hand. */
function oneHousehold(): Population {
  const households = allocateHouseholds(1);
  households.id[0] = 1;
  households.subdistrict[0] = 0;
  households.category[0] = 0;
  households.size[0] = 2;
  households.incomeFen[0] = 86_000;
  const persons = allocatePersons(2);
  return { households, persons, subdistricts: 13 };
}

describe('supermarket programme: one traced household', () => {
  it('prices every traced month as a hand calculation would, and rolls the card balance over', () => {
    const s = baseline({
      'supermarket.cards.takeUpShare': 1,
      'supermarket.cards.monthlyTakeUp': 1,
      'supermarket.cards.monthlyAttrition': 0,
      'supermarket.visits.distribution': 'poisson',
      'supermarket.subsidy.unspent': 'rollOver',
    });
    const r = runSupermarketOnly(s, SEED, 0, { population: oneHousehold(), traceHousehold: 0 });
    expect(r.trace[0]).toMatch(/household 1 \(dibao, subdistrict 1, 2 persons/);
    const months = r.trace.slice(1);
    expect(months).toHaveLength(48);
    let discount = 0;
    let subsidy = 0;
    let balance = 0;
    for (const line of months) {
      balance += 60;
      const shop = /vegetables market ([\d.]+) discount ([\d.]+).*staples market ([\d.]+) discount ([\d.]+)/.exec(line);
      if (!shop) {
        expect(line).toMatch(/no visit/);
        continue;
      }
      // By hand, in fen: the part within the cap's coverage (paid basis: cap / factor) at the factor.
      const veg = Math.round(Number(shop[1]) * 100);
      const stap = Math.round(Number(shop[3]) * 100);
      const vegDiscount = Math.floor(Math.min(veg, 10000 / 0.6) * 0.4 + 1e-6);
      const stapDiscount = Math.floor(Math.min(stap, 20000 / 0.8) * 0.2 + 1e-6);
      expect(Math.round(Number(shop[2]) * 100)).toBe(vegDiscount);
      expect(Math.round(Number(shop[4]) * 100)).toBe(stapDiscount);
      discount += vegDiscount + stapDiscount;
      // Spending down, a visit uses the whole rolled-over balance (topping up with other goods).
      const used = balance;
      subsidy += used;
      expect(line).toContain(`card ${used.toFixed(2)}`);
      balance = 0;
    }
    expect(r.outcomes.extra['supermarket.discountFen']![0]).toBe(discount);
    expect(r.outcomes.extra['supermarket.subsidyFen']![0]! / 100).toBeCloseTo(subsidy, 6);
    expect(r.metrics['supermarket.subsidyOutstandingYuan']).toBeCloseTo(balance, 6);
  });
});
