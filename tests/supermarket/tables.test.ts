import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { benefitByCategory, benefitByHouseholdSize, benefitBySubdistrict, benefitByVisitFrequency, cardHolderRows, simulateSupermarket } from '../../src/programmes/supermarket/index.js';
import { baseline } from './helpers.js';

const sum = (xs: readonly unknown[]) => xs.reduce((a: number, b) => a + Number(b), 0);

describe('supermarket-only replications and household tables', () => {
  const s = baseline();
  const run = simulateSupermarket(s, { replications: 2 });

  it('gives the same supermarket numbers as the full engine', () => {
    const full = simulate(s, { replications: 2 });
    for (const id of ['supermarket.personTimes', 'supermarket.discountYuan', 'supermarket.subsidyYuan', 'supermarket.operatorProfitYuan']) {
      expect(run.perReplication[id]).toEqual(full.perReplication[id]);
    }
  });

  it('group tables add up to the programme totals, whatever the grouping', () => {
    const { population, outcomes } = run.first;
    const first = (id: string) => run.perReplication[id]![0]!;
    for (const t of [benefitBySubdistrict(population, outcomes), benefitByCategory(population, outcomes), benefitByHouseholdSize(population, outcomes), benefitByVisitFrequency(outcomes)]) {
      expect(sum(t.cardMonths!)).toBe(first('supermarket.cardMonths'));
      expect(sum(t.cardHolders!)).toBe(first('supermarket.cardHoldersEver'));
      const benefit = t.benefitPerCardMonthYuan!.reduce((a: number, b, i) => a + Number(b) * Number(t.cardMonths![i]), 0);
      expect(benefit).toBeCloseTo(first('supermarket.discountYuan') + first('supermarket.subsidyYuan'), 2);
    }
    expect(benefitBySubdistrict(population, outcomes).subdistrict).toHaveLength(13);
    const byCategory = benefitByCategory(population, outcomes);
    expect(byCategory.benefitPerCardMonthYuan![0]).toBeCloseTo(first('supermarket.benefitPerHouseholdMonthYuan.dibao'), 6);
    expect(byCategory.cardMonths![2]).toBe(0);
  });

  it('lists one row per card holder', () => {
    const rows = cardHolderRows(run.first.population, run.first.outcomes);
    expect(rows.household).toHaveLength(run.perReplication['supermarket.cardHoldersEver']![0]!);
    for (const v of rows.benefitPerCardMonthYuan!) expect(Number(v)).toBeGreaterThanOrEqual(0);
  });
});
