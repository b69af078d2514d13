import { describe, expect, it } from 'vitest';
import { enrolmentBit } from '../../src/engine/outcomes.js';
import { runReplication } from '../../src/engine/simulate.js';
import { insuranceProgramme } from '../../src/programmes/insurance/index.js';
import { baseline, runInsuranceOnly } from './helpers.js';

const SEED = 2016;

describe('insurance programme, one replication of the baseline', () => {
  const run = runInsuranceOnly(baseline(), SEED, 0);
  const { metrics, ledger, outcomes } = run;

  it('returns every declared metric, each a finite number', () => {
    for (const m of insuranceProgramme.metrics) {
      expect(metrics[m.id], m.id).toBeTypeOf('number');
      expect(Number.isFinite(metrics[m.id]), m.id).toBe(true);
    }
    expect(Object.keys(metrics).sort()).toEqual(insuranceProgramme.metrics.map((m) => m.id).sort());
  });

  it('spends the 4.45 million in full, split between the budget and the charity association', () => {
    expect(metrics['insurance.fundingYuan']).toBe(4_450_000);
    const premiums = ledger.aggregate(['flow']).filter((r) => String(r.flow).startsWith('premium:'));
    expect(premiums.reduce((a, r) => a + (r.amountFen as number), 0)).toBe(445_000_000);
    const charity = ledger.total({ payer: 'charityAssociation', programme: 'insurance' });
    const budget = ledger.total({ payer: 'districtBudget', programme: 'insurance' });
    expect(charity + budget).toBe(445_000_000);
    expect(Math.abs(charity - budget)).toBeLessThanOrEqual(3);
    expect(metrics['insurance.premiumYuan']! + metrics['insurance.basicPremiumsYuan']!).toBeCloseTo(4_450_000, 6);
  });

  it('balances to the fen, with claims from the insurer and reimbursements from the medical insurance fund', () => {
    const b = ledger.balance();
    expect(b.ok).toBe(true);
    expect(b.totalNetFen).toBe(0);
    expect(ledger.total({ payer: 'insurer', payee: 'households' }) / 100).toBeCloseTo(metrics['insurance.claimsPaidYuan']!, 6);
    expect(ledger.total({ payer: 'medicalInsuranceFund', payee: 'households' }) / 100).toBeCloseTo(metrics['insurance.socialReimbursedYuan']!, 6);
    expect(ledger.total({ payer: 'households', payee: 'hospitals' }) / 100).toBeCloseTo(metrics['insurance.medicalCostYuan']!, 6);
    // one line per flow and month: at most 9 claim flows × 12 months + 6 premium lines
    expect(ledger.size).toBeLessThanOrEqual(9 * 12 + 6);
  });

  it('fills household columns that add up to the ledger', () => {
    const bit = enrolmentBit('insurance');
    let enrolled = 0;
    let benefit = 0;
    let outside = 0;
    for (let h = 0; h < outcomes.count; h++) {
      if (outcomes.enrolment[h]! & bit) enrolled++;
      else outside += outcomes.benefitFen.insurance[h]!;
      benefit += outcomes.benefitFen.insurance[h]!;
      expect(outcomes.extra['insurance.oopAfterFen']![h]).toBeLessThanOrEqual(outcomes.extra['insurance.oopBeforeFen']![h]!);
      expect(outcomes.extra['insurance.oopAfterFen']![h]).toBeGreaterThanOrEqual(0);
    }
    expect(enrolled).toBe(529);
    expect(outside).toBe(0);
    expect(benefit).toBe(ledger.total({ payee: 'households', programme: 'insurance' }));
    const cost = outcomes.extra['insurance.medicalCostFen']!.reduce((a, b) => a + b, 0);
    expect(cost).toBe(ledger.total({ payer: 'households', payee: 'hospitals' }));
  });

  it('claims by cover add up to the total; the package lowers out-of-pocket and catastrophic spending', () => {
    const parts = ['death', 'disability', 'accidentMedical', 'topUp', 'allowance'].reduce((a, c) => a + metrics[`insurance.claimsPaidYuan.${c}`]!, 0);
    expect(parts).toBeCloseTo(metrics['insurance.claimsPaidYuan']!, 4);
    expect(metrics['insurance.oopAfterYuan']).toBeLessThan(metrics['insurance.oopBeforeYuan']!);
    expect(metrics['insurance.catastrophicRate.after']).toBeLessThan(metrics['insurance.catastrophicRate.before']!);
    expect(metrics['insurance.claimsP99Yuan']).toBeGreaterThanOrEqual(metrics['insurance.claimsP95Yuan']!);
  });
});

describe('determinism and stream isolation', () => {
  it('the same seed and replication give identical numbers; another replication differs', () => {
    const a = runInsuranceOnly(baseline(), SEED, 3).metrics;
    const b = runInsuranceOnly(baseline(), SEED, 3).metrics;
    const c = runInsuranceOnly(baseline(), SEED, 4).metrics;
    expect(b).toEqual(a);
    expect(c['insurance.claimsPaidYuan']).not.toBe(a['insurance.claimsPaidYuan']);
  });

  it('a cover limit changes what is paid, never who falls ill or what care costs', () => {
    const a = runInsuranceOnly(baseline(), SEED, 1).metrics;
    const b = runInsuranceOnly(baseline({ 'insurance.topUp.annualLimitYuan': 20_000 }), SEED, 1).metrics;
    expect(b['insurance.medicalCostYuan']).toBe(a['insurance.medicalCostYuan']);
    expect(b['insurance.admissionsPerPerson.serious']).toBe(a['insurance.admissionsPerPerson.serious']);
    expect(b['insurance.claimsPaidYuan.topUp']).toBeLessThan(a['insurance.claimsPaidYuan.topUp']!);
    expect(b['insurance.oopAfterYuan']).toBeGreaterThan(a['insurance.oopAfterYuan']!);
  });
});

describe('the insurance-only runner', () => {
  it('gives the same insurance metrics as a full replication of every programme', () => {
    const full = runReplication(baseline(), SEED, 2).metrics;
    const alone = runInsuranceOnly(baseline(), SEED, 2).metrics;
    for (const m of insuranceProgramme.metrics) expect(full[m.id], m.id).toBe(alone[m.id]);
  });
});

describe('edge cases', () => {
  it('zero insured households gives zeros, not NaN, and spends nothing', () => {
    const r = runInsuranceOnly(baseline({ 'insurance.households': 0 }), SEED, 0);
    for (const m of insuranceProgramme.metrics) expect(r.metrics[m.id], m.id).toBe(0);
    expect(r.ledger.size).toBe(0);
  });

  it('a policy year outside the simulated months does nothing', () => {
    const r = runInsuranceOnly(baseline({ 'insurance.policyStart': '2020-01' }), SEED, 0);
    for (const m of insuranceProgramme.metrics) expect(r.metrics[m.id], m.id).toBe(0);
    expect(r.ledger.balance().ok).toBe(true);
  });

  it('a policy year cut by the end of the calendar simulates only its months', () => {
    const r = runInsuranceOnly(baseline({ 'insurance.policyStart': '2016-07' }), SEED, 0);
    const months = new Set(r.ledger.list().map((e) => e.month));
    expect(months.size).toBeLessThanOrEqual(7); // 2016-07 … 2017-01
    expect(r.ledger.balance().ok).toBe(true);
  });
});

describe('trace for explain --household', () => {
  it('tells an insured household its events step by step', () => {
    const first = runInsuranceOnly(baseline(), SEED, 0);
    const bit = enrolmentBit('insurance');
    let h = -1;
    for (let i = 0; i < first.outcomes.count && h < 0; i++) {
      if (first.outcomes.enrolment[i]! & bit && first.outcomes.extra['insurance.commercialClaimsFen']![i]! > 0) h = i;
    }
    const r = runInsuranceOnly(baseline(), SEED, 0, h);
    expect(r.trace[0]).toMatch(/insurance: insured/);
    expect(r.trace.some((l) => /2016-\d\d person \d/.test(l))).toBe(true);
    expect(r.trace.some((l) => /catastrophic/.test(l))).toBe(true);
    expect(r.metrics).toEqual(first.metrics); // tracing changes nothing
  });

  it('says why a household is not insured', () => {
    const r = runInsuranceOnly(baseline(), SEED, 0, 0); // household 0 is a dibao household
    expect(r.trace.join('\n')).toMatch(/not a special-hardship household/);
  });
});
