import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { runReplication } from '../../src/engine/simulate.js';
import { ScenarioError } from '../../src/scenario/issues.js';
import { loadScenario, withOverrides, type Scenario } from '../../src/scenario/load.js';
import { BASELINE } from './helpers.js';
import { INVARIANTS } from './invariants/checks.js';
import { overridesArb } from './invariants/scenarios.js';

/**
 * Invariants on random scenarios (issue 10, item 3): the baseline with fast-check-chosen
 * overrides within each parameter's bounds, at random seeds. Every replication must satisfy
 * every invariant in invariants/checks.ts (ledger to the fen, no NaN or negative money,
 * caps and limits, no one paying more than the market or the hospital), and the same
 * scenario and seed must give identical numbers. Overrides that break a cross-parameter
 * rule are rejected by validation, which is correct, and are counted, not run.
 */

const RUNS = Number(process.env.INVARIANT_RUNS ?? 40);
const base = loadScenario(BASELINE);
interface Tally {
  cases: number;
  ran: number;
  rejected: number;
  checks: number;
}
const invariantRuns: Tally = { cases: 0, ran: 0, rejected: 0, checks: 0 };
const determinismRuns: Tally = { cases: 0, ran: 0, rejected: 0, checks: 0 };
afterAll(() => {
  const t = invariantRuns;
  console.log(`invariants: ${INVARIANTS.length} invariants × ${t.ran} random scenarios run (${t.cases} generated, ${t.rejected} rejected by validation) = ${t.checks} checks; determinism on ${determinismRuns.ran} more`);
});

/** The scenario with overrides, or undefined when validation rightly refuses them. */
function scenarioWith(overrides: Record<string, unknown>, tally: Tally): Scenario | undefined {
  tally.cases++;
  try {
    return withOverrides(base, overrides, 'property');
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    tally.rejected++;
    return undefined;
  }
}

function violations(s: Scenario, seed: number): string[] {
  const r = runReplication(s, seed, 0);
  invariantRuns.ran++;
  return INVARIANTS.flatMap((inv) => {
    invariantRuns.checks++;
    return inv.check(s, r).map((v) => `${inv.id}: ${v}`);
  });
}

/** Small populations for hand-written cases. */
const SMALL = { 'population.dibao.households': 60, 'population.marginal.households': 30, 'population.specialHardship.households': 50, 'insurance.households': 20 };

describe('invariants on random valid scenarios', () => {
  it('every invariant holds in every replication', () => {
    fc.assert(
      fc.property(overridesArb(base.values), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (overrides, seed) => {
        const s = scenarioWith(overrides, invariantRuns);
        fc.pre(s !== undefined);
        expect(violations(s, seed)).toEqual([]);
      }),
      { numRuns: RUNS, seed: Number(process.env.INVARIANT_SEED ?? 2016), maxSkipsPerRun: 20, endOnFailure: true },
    );
  }, Math.max(120_000, RUNS * 3000));

  it('the same scenario and seed give identical metrics, ledger and household benefits', () => {
    fc.assert(
      fc.property(overridesArb(base.values, 4), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (overrides, seed) => {
        const s = scenarioWith(overrides, determinismRuns);
        fc.pre(s !== undefined);
        determinismRuns.ran++;
        const a = runReplication(s, seed, 1);
        const b = runReplication(s, seed, 1);
        expect(b.metrics).toEqual(a.metrics);
        expect(b.ledger.list()).toEqual(a.ledger.list());
        for (const p of Object.keys(a.outcomes.benefitFen) as Array<keyof typeof a.outcomes.benefitFen>) expect(b.outcomes.benefitFen[p]).toEqual(a.outcomes.benefitFen[p]);
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: 7, maxSkipsPerRun: 20 },
    );
  }, 120_000);

  // Cases the property found with other seeds, kept so they stay fixed (see docs/reliability.md).
  // A near-zero dibao standard or food share is now refused by validation (no city's standard
  // is below 100 yuan, no household spends under 10% on food); the bounds themselves must hold.
  it.each([
    ['a dibao standard near zero (income ratio overflowed purchases to 1e155 fen)', { 'population.dibaoStandardYuan': 1e-300 }, /population\.dibaoStandardYuan: out of range/],
    ['a dibao standard of 1 fen (store purchases were 88 times food spending)', { 'population.dibaoStandardYuan': 0.01 }, /population\.dibaoStandardYuan: out of range/],
    ['a food share of 0.1% (discounts covered 85 times food spending)', { 'population.foodShare': 0.001 }, /population\.foodShare: out of range/],
  ])('found, now refused: %s', (_what, overrides, message) => {
    expect(() => withOverrides(base, { ...SMALL, ...overrides })).toThrow(message);
  });

  it.each([
    ['the lowest dibao standard allowed', { 'population.dibaoStandardYuan': 100 }],
    ['the lowest food share allowed', { 'population.foodShare': 0.1 }],
    ['all purchases at the store, 252 yuan of staples a person (store purchases were 1.4 times food spending)', { 'supermarket.purchases.storeShareAtMarketPrice': 1, 'supermarket.purchases.staplesPerPersonYuan': 252 }],
    ['a card take-up hazard of 2.7e-284 a month (1 − p rounded to 1: a wait of −∞ months looped forever)', { 'supermarket.cards.monthlyTakeUp': 2.7e-284 }],
  ])('found: %s', (_what, overrides) => {
    expect(violations(withOverrides(base, { ...SMALL, ...overrides }), 5)).toEqual([]);
  });

  it('a scenario with no households at all gives zeros, not NaN', () => {
    const s = withOverrides(base, { 'population.dibao.households': 0, 'population.marginal.households': 0, 'population.specialHardship.households': 0, 'insurance.households': 0 });
    const r = runReplication(s, 1, 0);
    expect(INVARIANTS.flatMap((inv) => inv.check(s, r).map((v) => `${inv.id}: ${v}`))).toEqual([]);
    expect(r.metrics['population.households']).toBe(0);
    for (const [id, v] of Object.entries(r.metrics)) if (/^(supermarket\.(discount|subsidy)Yuan|insurance\.claimsPaidYuan|reach\.)/.test(id)) expect(v, id).toBe(0);
  });

  it('each invariant can fail: it flags a replication with the fault it guards against', () => {
    const s = withOverrides(base, SMALL);
    const faults: Record<string, (r: ReturnType<typeof runReplication>) => void> = {
      'ledger.balances': (r) => (firstEntry(r).amountFen += 0.5),
      'ledger.amounts': (r) => (firstEntry(r).payee = firstEntry(r).payer),
      'metrics.finite': (r) => (r.metrics['population.households'] = NaN),
      'metrics.nonNegative': (r) => (r.metrics['supermarket.discountYuan'] = -1),
      'metrics.shares': (r) => (r.metrics['supermarket.foodSpendingCoveredShare'] = 1.5),
      'outcomes.benefit': (r) => (r.outcomes.benefitFen.insurance[0] = -1),
      'outcomes.columns': (r) => (r.outcomes.extra['supermarket.discountFen']![0] = NaN),
      'outcomes.enrolment': (r) => (r.outcomes.enrolment[0] = 0x80),
      'supermarket.caps': (r) => (r.outcomes.extra['supermarket.discountFen']![firstWith(r, 'supermarket.cardMonths')] = 1e12),
      'supermarket.capMonths': (r) => (r.outcomes.extra['supermarket.vegetablesCapMonths']![0] = 1e6),
      'supermarket.noMoreThanMarket': (r) => (r.outcomes.extra['supermarket.ownSpendingFen']![0] = 1e12),
      'supermarket.ledgerMatchesHouseholds': (r) => (r.outcomes.extra['supermarket.subsidyFen']![firstWith(r, 'supermarket.subsidyFen')]! -= 1),
      'insurance.ledgerMatchesHouseholds': (r) => (r.outcomes.benefitFen.insurance[firstWith(r, 'insurance.medicalCostFen')]! += 1),
      'insurance.noMoreThanHospital': (r) => (r.outcomes.extra['insurance.oopAfterFen']![0] = 1e12),
      'insurance.limits': (r) => (r.outcomes.extra['insurance.commercialClaimsFen']![0] = 1e15),
    };
    for (const inv of INVARIANTS) {
      const r = runReplication(s, 3, 0);
      expect(inv.check(s, r), `${inv.id} on an intact replication`).toEqual([]);
      const fault = faults[inv.id];
      expect(fault, `a fault for ${inv.id}`).toBeDefined();
      fault!(r);
      expect(inv.check(s, r).length, `${inv.id} after its fault`).toBeGreaterThan(0);
    }
  });
});

/** The ledger's first entry, to break on purpose (the entries are private). */
function firstEntry(r: ReturnType<typeof runReplication>): { amountFen: number; payer: string; payee: string } {
  return (r.ledger as unknown as { entries: Map<string, { amountFen: number; payer: string; payee: string }> }).entries.values().next().value!;
}

/** A household with at least one card month (so a cap bound is finite but can be exceeded). */
function firstWith(r: ReturnType<typeof runReplication>, column: string): number {
  const col = r.outcomes.extra[column]!;
  for (let h = 0; h < col.length; h++) if (col[h]! > 0) return h;
  throw new Error(`no household with ${column} > 0`);
}
