import { describe, expect, it } from 'vitest';
import { flattenCatalogue } from '../../src/scenario/catalogue.js';
import { getPath } from '../../src/scenario/paths.js';
import { loadScenario } from '../../src/scenario/load.js';
import { baseline, runInsuranceOnly } from './helpers.js';

describe('the Xinhua account (scenarios/xinhua-2017.yaml)', () => {
  const xinhua = loadScenario('scenarios/xinhua-2017.yaml');

  it('differs from the baseline only in the top-up limit, 20,000 a year', () => {
    const changed = flattenCatalogue()
      .map((e) => e.path)
      .filter((p) => JSON.stringify(getPath(xinhua.values, p)) !== JSON.stringify(getPath(baseline().values, p)));
    expect(changed).toEqual(['insurance.topUp.annualLimitYuan']);
    expect(xinhua.values.insurance.topUp.annualLimitYuan).toBe(20_000);
    expect(xinhua.notes['insurance.topUp.annualLimitYuan']).toMatch(/Xinhua/);
  });

  it('on common random numbers: same stays and claim rate, less top-up, more out-of-pocket', () => {
    for (const r of [0, 1]) {
      const a = runInsuranceOnly(baseline(), 2016, r).metrics;
      const b = runInsuranceOnly(xinhua, 2016, r).metrics;
      expect(b['insurance.medicalCostYuan']).toBe(a['insurance.medicalCostYuan']);
      expect(b['insurance.claimRate.illnessPoor']).toBe(a['insurance.claimRate.illnessPoor']);
      expect(b['insurance.claimsPaidYuan.topUp']).toBeLessThanOrEqual(a['insurance.claimsPaidYuan.topUp']!);
      expect(b['insurance.oopAfterYuan']! - a['insurance.oopAfterYuan']!).toBeCloseTo(a['insurance.claimsPaidYuan.topUp']! - b['insurance.claimsPaidYuan.topUp']!, 4);
    }
  });
});
