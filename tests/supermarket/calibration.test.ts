import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/core/csv.js';
import { baseline, meanMetrics } from './helpers.js';

/** The article's targets for the supermarket, read from data/targets.csv (never edited here). */
function supermarketTargets(): Array<{ id: string; metric: string; low: number; high: number }> {
  const [header, ...rows] = parseCsv(readFileSync('data/targets.csv', 'utf8'), 'data/targets.csv').map((r) => r.cells);
  const col = (name: string) => header!.indexOf(name);
  return rows
    .filter((c) => c[col('metric')]!.startsWith('supermarket.'))
    .map((c) => ({ id: c[col('id')]!, metric: c[col('metric')]!, low: Number(c[col('low')]), high: Number(c[col('high')]) }));
}

describe('baseline reproduces the article (20 replications, seed 2016)', () => {
  const s = baseline();
  const mean = meanMetrics(s, s.values.simulation.seed, s.values.simulation.replications);

  it('has the four supermarket targets to check', () => {
    expect(supermarketTargets().map((t) => t.metric).sort()).toEqual(['supermarket.discountYuan', 'supermarket.personTimes', 'supermarket.publicDonationPer100Yuan', 'supermarket.subsidyYuan']);
  });

  for (const t of supermarketTargets()) {
    it(`${t.metric} falls in the article's range [${t.low}, ${t.high}] (${t.id})`, () => {
      expect(mean[t.metric]).toBeGreaterThanOrEqual(t.low);
      expect(mean[t.metric]).toBeLessThanOrEqual(t.high);
    });
  }

  it('the fitted behaviour is plausible (see docs/supermarket.md)', () => {
    const standard = s.values.population.dibaoStandardYuan;
    // About one visit a month: the card credit and caps reset monthly.
    expect(mean['supermarket.visitsPerCardMonth']).toBeGreaterThan(0.75);
    expect(mean['supermarket.visitsPerCardMonth']).toBeLessThan(2);
    // Vegetables and staples are most, but not all, of food spending, which is well below the dibao standard.
    expect(mean['supermarket.foodSpendPerPersonYuan']).toBeLessThan(0.6 * standard);
    expect(mean['supermarket.categorySpendPerPersonYuan']).toBeLessThan(0.8 * mean['supermarket.foodSpendPerPersonYuan']!);
    expect(mean['supermarket.categorySpendPerPersonYuan']).toBeLessThan(0.4 * standard);
    // Card holders buy under two thirds of their food at the store (market value).
    expect(mean['supermarket.storeShareOfFoodSpending']).toBeLessThan(2 / 3);
    // The operator is moderately profitable (保证适度赢利): positive, but under 5% of sales.
    const sales = mean['supermarket.publicSalesYuan']! + mean['supermarket.cardSalesYuan']!;
    expect(mean['supermarket.operatorProfitYuan']).toBeGreaterThan(0);
    expect(mean['supermarket.operatorProfitYuan']).toBeLessThan(0.05 * sales);
    // Most credit is spent: under a third expires in months without a visit.
    expect(mean['supermarket.subsidyForfeitedYuan']).toBeLessThan(mean['supermarket.subsidyCreditedYuan']! / 3);
  });
});
