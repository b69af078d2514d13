import type { Account } from '../../core/accounts.js';

/**
 * The money flows of a policy year that the kernel totals by month, with the accounts
 * they move between. Premiums are posted separately, once, at the start of the year.
 */
export const FLOWS = [
  { flow: 'hospitalCost', payer: 'households', payee: 'hospitals' },
  { flow: 'basic', payer: 'medicalInsuranceFund', payee: 'households' },
  { flow: 'seriousIllness', payer: 'medicalInsuranceFund', payee: 'households' },
  { flow: 'mutual', payer: 'medicalInsuranceFund', payee: 'households' },
  { flow: 'claim:death', payer: 'insurer', payee: 'households' },
  { flow: 'claim:disability', payer: 'insurer', payee: 'households' },
  { flow: 'claim:accidentMedical', payer: 'insurer', payee: 'households' },
  { flow: 'claim:topUp', payer: 'insurer', payee: 'households' },
  { flow: 'claim:allowance', payer: 'insurer', payee: 'households' },
] as const satisfies ReadonlyArray<{ flow: string; payer: Account; payee: Account }>;

export const FLOW_COUNT = FLOWS.length;

/** Flow indices, so the kernel addresses its monthly totals by number. */
export const F_COST = 0;
export const F_BASIC = 1;
export const F_SERIOUS = 2;
export const F_MUTUAL = 3;
export const F_DEATH = 4;
export const F_DISABILITY = 5;
export const F_ACCIDENT_MEDICAL = 6;
export const F_TOP_UP = 7;
export const F_ALLOWANCE = 8;

/** The five commercial covers, in waterfall order, as flow indices and metric suffixes. */
export const COMMERCIAL_COVERS = [
  { index: F_DEATH, id: 'death', zh: '意外身故', en: 'accidental death' },
  { index: F_DISABILITY, id: 'disability', zh: '意外伤残', en: 'accidental disability' },
  { index: F_ACCIDENT_MEDICAL, id: 'accidentMedical', zh: '意外医疗', en: 'accident medical' },
  { index: F_TOP_UP, id: 'topUp', zh: '重病住院补充', en: 'top-up inpatient' },
  { index: F_ALLOWANCE, id: 'allowance', zh: '住院津贴', en: 'hospital allowance' },
] as const;
