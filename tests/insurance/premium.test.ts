import { describe, expect, it } from 'vitest';
import { expectedClaimsByType } from '../../src/programmes/insurance/pricing.js';
import { baseline, runInsuranceOnly } from './helpers.js';

const priced = (fundingYuan: number, extra: Record<string, unknown> = {}) =>
  baseline({ 'insurance.premium.mode': 'expectedClaims', 'insurance.households': 1500, 'insurance.fundingYuan': fundingYuan, 'insurance.risk.extraYears': 0, ...extra });

describe('premium priced from expected claims: the budget decides how many households', () => {
  it('expected claims per person-year rank the seriously ill first and do not depend on the replication', () => {
    const e = expectedClaimsByType(priced(4_450_000).values, 2016);
    expect(e.meanFen[1]).toBeGreaterThan(e.meanFen[2]!); // serious > mild
    expect(e.meanFen[1]).toBeGreaterThan(e.meanFen[0]!); // serious > other members
    for (const se of e.seFen) expect(se).toBeGreaterThan(0);
    expect(expectedClaimsByType(priced(4_450_000).values, 2016)).toBe(e); // cached, same price
  });

  it('more money buys more households, never spending more than the budget', () => {
    let last = -1;
    for (const budget of [2_000_000, 4_450_000, 8_000_000]) {
      const m = runInsuranceOnly(priced(budget), 2016, 0).metrics;
      expect(m['insurance.fundingYuan']).toBeLessThanOrEqual(budget);
      expect(m['insurance.households']).toBeGreaterThan(last);
      expect(m['insurance.premiumYuan']! + m['insurance.basicPremiumsYuan']!).toBeCloseTo(m['insurance.fundingYuan']!, 4);
      last = m['insurance.households']!;
    }
  });

  it('on average the loss ratio is about 1 / (1 + loading)', () => {
    const s = priced(4_450_000, { 'insurance.premium.loading': 0.25 });
    let ratio = 0;
    const n = 8;
    for (let r = 0; r < n; r++) ratio += runInsuranceOnly(s, 2016, r).metrics['insurance.lossRatio']! / n;
    expect(ratio).toBeGreaterThan(0.8 - 0.08);
    expect(ratio).toBeLessThan(0.8 + 0.08);
  });

  it('a fixed premium per household: each household costs its basic premiums plus the fixed sum', () => {
    const m = runInsuranceOnly(baseline({ 'insurance.premium.mode': 'fixedPerHousehold', 'insurance.premium.fixedPerHouseholdYuan': 8000, 'insurance.fundingYuan': 1_000_000 }), 2016, 0).metrics;
    expect(m['insurance.premiumYuan']).toBe(8000 * m['insurance.households']!);
    expect(m['insurance.households']).toBeLessThan(1_000_000 / 8000);
    expect(m['insurance.households']).toBeGreaterThan(1_000_000 / (8000 + 5 * 240) - 1);
  });

  it('a budget too small for one household insures nobody and gives zeros', () => {
    const m = runInsuranceOnly(priced(100), 2016, 0).metrics;
    expect(m['insurance.households']).toBe(0);
    expect(m['insurance.lossRatio']).toBe(0);
    expect(m['insurance.claimRate.illnessPoor']).toBe(0);
  });
});
