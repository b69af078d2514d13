import type { CheckIssue, ScenarioCheck } from '../../scenario/checks.js';
import { PERSON_TYPES } from './parameters.js';

type Values = Parameters<ScenarioCheck>[0];

/** A limit (on the loss or on payments) below its deductible pays nothing: almost surely a typo. */
function limitBelowDeductible(path: string, limit: number, deductiblePath: string, deductible: number): CheckIssue[] {
  return limit < deductible ? [{ path, problem: `limit is below the deductible (${deductiblePath} = ${deductible})`, got: limit, expected: `at least ${deductible}` }] : [];
}

function notAllZero(path: string, weights: readonly number[]): CheckIssue[] {
  return weights.every((w) => w === 0) ? [{ path, problem: 'weights are all zero', got: weights, expected: 'at least one weight above 0' }] : [];
}

/** Expected persons in the households the baseline must insure, from the population's size weights. */
function expectedPersons(v: Values): number {
  const w = v.population.specialHardship.sizeWeights;
  const total = w.reduce((a, b) => a + b, 0);
  const meanSize = total > 0 ? w.reduce((a, x, i) => a + x * (i + 1), 0) / total : 0;
  return Math.min(v.insurance.households, v.population.specialHardship.households) * meanSize;
}

/** Rules across several insurance parameters, run after each value is valid on its own. */
export const insuranceChecks: ScenarioCheck[] = [
  (v) => {
    const s = v.insurance.seriousIllness;
    const out: CheckIssue[] = [];
    if (s.bandRates.length !== s.bandStartsYuan.length) out.push({ path: 'insurance.seriousIllness.bandRates', problem: 'one rate per band', got: `${s.bandRates.length} rates`, expected: `${s.bandStartsYuan.length} rates (one per band start)` });
    for (let i = 1; i < s.bandStartsYuan.length; i++) {
      if (!(s.bandStartsYuan[i]! > s.bandStartsYuan[i - 1]!)) out.push({ path: 'insurance.seriousIllness.bandStartsYuan', problem: 'band starts must increase', got: s.bandStartsYuan, expected: 'strictly increasing amounts' });
    }
    return out;
  },
  (v) => {
    const i = v.insurance;
    return [
      ...limitBelowDeductible('insurance.basic.annualCapYuan', i.basic.annualCapYuan, 'insurance.basic.deductibleYuan', Math.max(...i.basic.deductibleYuan)),
      ...limitBelowDeductible('insurance.mutual.annualLimitYuan', i.mutual.annualLimitYuan, 'insurance.mutual.deductibleYuan', i.mutual.deductibleYuan),
      ...limitBelowDeductible('insurance.accidentMedical.annualLimitYuan', i.accidentMedical.annualLimitYuan, 'insurance.accidentMedical.deductibleYuan', i.accidentMedical.deductibleYuan),
      ...limitBelowDeductible('insurance.allowance.annualLimitYuan', i.allowance.annualLimitYuan, 'insurance.allowance.deductibleDays × perDayYuan', i.allowance.deductibleDays * i.allowance.perDayYuan),
    ];
  },
  (v) => [
    ...PERSON_TYPES.flatMap((t) => notAllZero(`insurance.frequency.${t}.levelWeights`, v.insurance.frequency[t].levelWeights)),
    ...notAllZero('insurance.accident.gradeWeights', v.insurance.accident.gradeWeights),
  ],
  (v) => {
    const a = v.insurance.accident;
    return a.deathShare + a.disabilityShare > 1 ? [{ path: 'insurance.accident.disabilityShare', problem: 'death and disability shares of injuries add up to more than 1', got: a.disabilityShare, expected: `at most ${1 - a.deathShare}` }] : [];
  },
  (v) => {
    const g = v.insurance.disability.gradePayout;
    for (let i = 1; i < g.length; i++) if (g[i]! > g[i - 1]!) return [{ path: 'insurance.disability.gradePayout', problem: 'a milder grade must not pay more than a severer one (grade 1 is the most severe)', got: g, expected: 'shares that do not rise from grade 1 to grade 10' }];
    return [];
  },
  (v) => (v.insurance.claimRateGroups.length === 0 ? [{ path: 'insurance.claimRateGroups', problem: 'no group to measure the claim rate on', got: [], expected: 'at least one of serious, mild, ordinaryDisability' }] : []),
  (v) => {
    const i = v.insurance;
    if (i.premium.mode !== 'fundingRemainder') return [];
    const out: CheckIssue[] = [];
    if (i.households > v.population.specialHardship.households) {
      out.push({ path: 'insurance.households', problem: 'more households than the special-hardship population they are chosen from', got: i.households, expected: `at most population.specialHardship.households = ${v.population.specialHardship.households}` });
    }
    const premiums = expectedPersons(v) * (i.basic.premiumPerPersonYuan + i.mutual.premiumPerPersonYuan);
    if (i.fundingYuan < premiums) {
      out.push({ path: 'insurance.fundingYuan', problem: 'the budget is below the basic and mutual premiums it must buy (fundingRemainder mode)', got: i.fundingYuan, expected: `at least about ${Math.ceil(premiums)} yuan for ${i.households} households` });
    }
    return out;
  },
];
