import { describe, expect, it } from 'vitest';
import { validationProblem as problem } from '../helpers/baseline.js';


describe('bad insurance input gives a clear error naming the path', () => {
  it('the baseline is valid', () => {
    expect(problem({})).toBe('');
  });

  it.each([
    [{ 'insurance.frequency.serious.admissionsPerYear': -0.5 }, 'insurance.frequency.serious.admissionsPerYear', /out of range/],
    [{ 'insurance.stay.costMeanYuan': [3000, -6015, 13306] }, 'insurance.stay.costMeanYuan', /out of range/],
    [{ 'insurance.accident.costMeanYuan': -1 }, 'insurance.accident.costMeanYuan', /out of range/],
    [{ 'insurance.accidentMedical.rate': 1.2 }, 'insurance.accidentMedical.rate', /out of range/],
    [{ 'insurance.basic.reimbursementRate': [0.87, 1.1, 0.68] }, 'insurance.basic.reimbursementRate', /out of range/],
    [{ 'insurance.mutual.rate': -0.1 }, 'insurance.mutual.rate', /out of range/],
    [{ 'insurance.accidentMedical.deductibleYuan': 60_000 }, 'insurance.accidentMedical.annualLimitYuan', /below the deductible/],
    [{ 'insurance.mutual.deductibleYuan': 200_000 }, 'insurance.mutual.annualLimitYuan', /below the deductible/],
    [{ 'insurance.allowance.deductibleDays': 365, 'insurance.allowance.annualLimitYuan': 1000 }, 'insurance.allowance.annualLimitYuan', /below the deductible/],
    [{ 'insurance.disability.gradePayout': [1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2] }, 'insurance.disability.gradePayout', /too short|out of range|10 numbers/],
    [{ 'insurance.disability.gradePayout': [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1] }, 'insurance.disability.gradePayout', /milder grade/],
    [{ 'insurance.fundingYuan': 100_000 }, 'insurance.fundingYuan', /below the basic and mutual premiums/],
    [{ 'insurance.seriousIllness.bandRates': [0.6, 0.7] }, 'insurance.seriousIllness.bandRates', /one rate per band/],
    [{ 'insurance.seriousIllness.bandStartsYuan': [18_000, 10_000, 100_000] }, 'insurance.seriousIllness.bandStartsYuan', /increase/],
    [{ 'insurance.frequency.mild.levelWeights': [0, 0, 0] }, 'insurance.frequency.mild.levelWeights', /all zero/],
    [{ 'insurance.frequency.serious.dispersion': 0 }, 'insurance.frequency.serious.dispersion', /out of range/],
    [{ 'insurance.claimRateGroups': [] }, 'insurance.claimRateGroups', /no group/],
    [{ 'insurance.topUp.eligibleGroups': ['seriously'] }, 'insurance.topUp.eligibleGroups', /not an allowed value|invalid/],
    [{ 'insurance.accident.deathShare': 0.6, 'insurance.accident.disabilityShare': 0.6 }, 'insurance.accident.disabilityShare', /more than 1/],
  ])('%o → %s', (overrides, path, what) => {
    const msg = problem(overrides);
    expect(msg).toContain(`${path}:`);
    expect(msg).toMatch(what);
  });

  it('a budget too small in a priced mode is not an error: it buys fewer households', () => {
    expect(problem({ 'insurance.fundingYuan': 100_000, 'insurance.premium.mode': 'expectedClaims' })).toBe('');
  });
});
