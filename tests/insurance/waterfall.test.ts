import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandPayment } from '../../src/programmes/insurance/bands.js';
import { compileInsurance } from '../../src/programmes/insurance/compile.js';
import { F_ACCIDENT_MEDICAL, F_ALLOWANCE, F_BASIC, F_COST, F_MUTUAL, F_SERIOUS, F_TOP_UP, FLOW_COUNT } from '../../src/programmes/insurance/flows.js';
import { settleEvent } from '../../src/programmes/insurance/waterfall.js';
import { allocateYearState } from '../../src/programmes/insurance/yearState.js';
import { baseline } from './helpers.js';

const TERTIARY = 2;
const SERIOUS = 1;
const MILD = 2;
const fen = (yuan: number) => yuan * 100;

describe('serious-illness bands', () => {
  it('pays each band at its rate on the running annual total', () => {
    const starts = [18_000, 50_000, 100_000];
    const rates = [0.6, 0.7, 0.8];
    expect(bandPayment(starts, rates, 10_000)).toBe(0);
    expect(bandPayment(starts, rates, 30_000)).toBeCloseTo(0.6 * 12_000, 9);
    expect(bandPayment(starts, rates, 120_000)).toBeCloseTo(0.6 * 32_000 + 0.7 * 50_000 + 0.8 * 20_000, 9);
  });
});

describe('the waterfall (baseline rules, by hand)', () => {
  const c = compileInsurance(baseline().values);

  it('a serious-illness stay: basic, then serious-illness, mutual, top-up, allowance, each on what is left', () => {
    const st = allocateYearState(1);
    const pay = new Float64Array(FLOW_COUNT);
    // 20,000 yuan at a tertiary hospital, 10 days: catalogue 85% = 17,000, outside 3,000.
    const left = settleEvent(c, st, 0, SERIOUS, TERTIARY, fen(20_000), 10, false, true, pay);
    expect(pay[F_COST]).toBe(fen(20_000));
    expect(pay[F_BASIC]).toBe(fen(11_220)); // 0.68 × (17,000 − 500)
    expect(pay[F_SERIOUS]).toBe(0); // 5,780 left is below the 18,000 threshold
    expect(pay[F_MUTUAL]).toBe(fen(2_890)); // half of the 5,780 left
    expect(pay[F_TOP_UP]).toBe(fen(5_301)); // 90% of 2,890 + 3,000 = 5,890 is reasonable
    expect(pay[F_ALLOWANCE]).toBe(fen(1_000));
    expect(left).toBe(fen(589));

    // A second, larger stay the same year crosses the serious-illness threshold on the running total.
    const left2 = settleEvent(c, st, 0, SERIOUS, TERTIARY, fen(100_000), 20, false, true, pay);
    expect(pay[F_BASIC]).toBe(fen(57_460)); // 0.68 × (85,000 − 500)
    expect(pay[F_SERIOUS]).toBe(fen(9_192)); // 0.6 × (5,780 + 27,540 − 18,000)
    expect(pay[F_MUTUAL]).toBe(fen(9_174)); // half of 27,540 − 9,192
    expect(pay[F_TOP_UP]).toBe(fen(21_756.6)); // 90% of 9,174 + 15,000
    expect(pay[F_ALLOWANCE]).toBe(fen(2_000));
    expect(left2).toBe(fen(2_417.4));
  });

  it('the top-up pays only eligible groups; the allowance pays everyone', () => {
    const st = allocateYearState(1);
    const pay = new Float64Array(FLOW_COUNT);
    const left = settleEvent(c, st, 0, MILD, TERTIARY, fen(20_000), 10, false, true, pay);
    expect(pay[F_TOP_UP]).toBe(0);
    expect(pay[F_ALLOWANCE]).toBe(fen(1_000));
    expect(left).toBe(fen(5_890));
  });

  it('an outpatient injury: no social insurance, accident medical pays 80% of the reasonable cost', () => {
    const st = allocateYearState(1);
    const pay = new Float64Array(FLOW_COUNT);
    const left = settleEvent(c, st, 0, SERIOUS, 0, fen(1_000), 0, true, false, pay);
    expect(pay[F_BASIC] + pay[F_SERIOUS] + pay[F_MUTUAL]).toBe(0);
    expect(pay[F_ACCIDENT_MEDICAL]).toBe(fen(720));
    expect(pay[F_TOP_UP] + pay[F_ALLOWANCE]).toBe(0);
    expect(left).toBe(fen(280));
  });

  it('an inpatient injury: accident medical comes before the top-up', () => {
    const st = allocateYearState(1);
    const pay = new Float64Array(FLOW_COUNT);
    const left = settleEvent(c, st, 0, SERIOUS, TERTIARY, fen(20_000), 10, true, true, pay);
    expect(pay[F_ACCIDENT_MEDICAL]).toBe(fen(4_240.8)); // 80% of 90% of 5,890
    expect(pay[F_TOP_UP]).toBe(fen(1_484.28)); // 90% of the 1,649.2 left
    expect(left).toBeCloseTo(fen(164.92), 6);
  });

  it('the Xinhua top-up limit of 20,000 a year caps later stays', () => {
    const x = compileInsurance(baseline({ 'insurance.topUp.annualLimitYuan': 20_000 }).values);
    const st = allocateYearState(1);
    const pay = new Float64Array(FLOW_COUNT);
    settleEvent(x, st, 0, SERIOUS, TERTIARY, fen(20_000), 10, false, true, pay);
    settleEvent(x, st, 0, SERIOUS, TERTIARY, fen(100_000), 20, false, true, pay);
    expect(pay[F_TOP_UP]).toBe(fen(20_000 - 5_301));
  });

  it('property: payments are never negative and payments + what is left = the cost; annual limits hold', () => {
    const event = fc.record({
      cost: fc.integer({ min: 0, max: 50_000_000 }),
      days: fc.integer({ min: 0, max: 400 }),
      level: fc.integer({ min: 0, max: 2 }),
      accident: fc.boolean(),
      inpatient: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.array(event, { minLength: 1, maxLength: 12 }), (type, events) => {
        const st = allocateYearState(1);
        const pay = new Float64Array(FLOW_COUNT);
        let topUp = 0;
        let allowance = 0;
        for (const e of events) {
          const left = settleEvent(c, st, 0, type, e.level, e.cost, e.days, e.accident, e.inpatient, pay);
          for (let f = 0; f < FLOW_COUNT; f++) expect(pay[f]).toBeGreaterThanOrEqual(0);
          expect(left).toBeGreaterThanOrEqual(0);
          expect(pay[F_BASIC]! + pay[F_SERIOUS]! + pay[F_MUTUAL]! + pay[F_ACCIDENT_MEDICAL]! + pay[F_TOP_UP]! + left).toBe(e.cost);
          topUp += pay[F_TOP_UP]!;
          allowance += pay[F_ALLOWANCE]!;
        }
        expect(topUp).toBeLessThanOrEqual(c.topUp.annualLimit);
        expect(allowance).toBeLessThanOrEqual(c.allowance.annualLimit);
        expect(st.basicPaid[0]).toBeLessThanOrEqual(c.basic[0]!.annualLimit);
      }),
      { numRuns: 300 },
    );
  });
});
