import { describe, expect, it } from 'vitest';
import { explainHousehold, explainMetric, explainTable, metricSpec, UnknownMetricError } from '../../src/calibration/explain.js';
import { parameterAt } from '../../src/scenario/catalogue.js';
import { baseline, smallBaseline } from './helpers.js';

/**
 * Written by hand from how each model computes the metric (docs/supermarket.md,
 * docs/insurance.md), not from the metric's own dependsOn: explain must list at least these.
 */
const MUST_DEPEND_ON: Record<string, readonly string[]> = {
  'supermarket.discountYuan': [
    'supermarket.vegetables.priceFactor',
    'supermarket.vegetables.cap',
    'supermarket.staples.priceFactor',
    'supermarket.staples.cap',
    'supermarket.capBasis',
    'supermarket.visits.meanPerMonth',
    'supermarket.purchases.vegetablesPerPersonYuan',
    'supermarket.purchases.staplesPerPersonYuan',
    'supermarket.cards.takeUpShare',
    'supermarket.cards.eligibleCategories',
    'supermarket.stores.openingMonths',
    'supermarket.reporting.from',
    'population.dibao.households',
    'population.marginal.households',
  ],
  'supermarket.subsidyYuan': ['supermarket.subsidy.monthlyYuan', 'supermarket.subsidy.unspent', 'supermarket.cards.takeUpShare', 'supermarket.cards.monthlyAttrition', 'supermarket.stores.openingMonths'],
  'supermarket.publicDonationPer100Yuan': ['supermarket.public.salesPerStoreMonthYuan', 'supermarket.vegetables.priceFactor', 'supermarket.staples.priceFactor', 'supermarket.stores.openingMonths'],
  'insurance.claimRate.illnessPoor': [
    'insurance.frequency.serious.admissionsPerYear',
    'insurance.frequency.mild.admissionsPerYear',
    'insurance.claimRateGroups',
    'insurance.households',
    'insurance.allowance.perDayYuan',
    'insurance.allowance.deductibleDays',
    'insurance.topUp.annualLimitYuan',
    'insurance.accident.incidencePerYear',
    'insurance.accidentMedical.deductibleYuan',
    'population.specialHardship.illnessGroupWeights',
  ],
  'insurance.fundingYuan': ['insurance.fundingYuan', 'insurance.households', 'insurance.basic.premiumPerPersonYuan', 'insurance.mutual.premiumPerPersonYuan', 'insurance.premium.mode'],
  'population.persons': ['population.dibao.households', 'population.dibao.sizeWeights', 'population.specialHardship.households'],
};

describe('explain <metric>', () => {
  for (const [metric, must] of Object.entries(MUST_DEPEND_ON)) {
    it(`${metric} lists at least the hand-made dependency list`, () => {
      for (const path of must) expect(parameterAt(path), `${path} is not a parameter any more: update this list`).toBeDefined();
      const { parameters } = explainMetric(metric, baseline());
      const listed = new Set(parameters.map((p) => p.path));
      const missing = must.filter((p) => !listed.has(p));
      expect(missing).toEqual([]);
    });
  }

  it('gives each parameter its value in the scenario, unit and provenance', () => {
    const s = baseline();
    const { parameters } = explainMetric('supermarket.discountYuan', s);
    const cap = parameters.find((p) => p.path === 'supermarket.vegetables.cap')!;
    expect(cap.value).toBe(s.values.supermarket.vegetables.cap);
    expect(cap.unit).toBe('yuan/month');
    expect(cap.kind).toBe('article');
    expect(cap.provenance).toMatch(/^article: "/);
    expect(cap.setIn).toMatch(/baseline-2016\.yaml$/);
    const visits = parameters.find((p) => p.path === 'supermarket.visits.meanPerMonth')!;
    expect(visits.kind).toBe('fittable');
    expect(visits.provenance).toMatch(/calibrated to target supermarket\.personTimes/);
    const table = explainTable(parameters, 'zh');
    expect(table.label![table.path!.indexOf('supermarket.vegetables.cap')]).toMatch(/蔬菜/);
  });

  it('an unknown metric names metrics like it', () => {
    expect(() => metricSpec('supermarket.discount')).toThrow(UnknownMetricError);
    expect(() => metricSpec('supermarket.discount')).toThrow(/supermarket\.discountYuan/);
  });
});

describe('explain --household', () => {
  it('walks one household through the metric\'s programme only, month by month', () => {
    const s = smallBaseline();
    // A household that holds a card at some time: find one from the outcome of a run.
    const t = explainHousehold('supermarket.discountYuan', s, 1, 2016, 0);
    expect(t.profile).toMatch(/^household 1: dibao/);
    expect(Object.keys(t.lines)).toEqual(['supermarket']);
    const lines = t.lines.supermarket!;
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(/^supermarket: household 1 /);
  });

  it('shows visits, cap and discount for a card holder', () => {
    const s = smallBaseline();
    let found: string[] | undefined;
    for (let id = 1; id <= 40 && !found; id++) {
      const lines = explainHousehold('supermarket.discountYuan', s, id, 2016, 0).lines.supermarket!;
      if (lines.some((l) => /visit\(s\)/.test(l))) found = lines;
    }
    expect(found, 'one of the first 40 dibao households visits a store').toBeDefined();
    const visit = found!.find((l) => /visit\(s\)/.test(l))!;
    expect(visit).toMatch(/vegetables market [\d.]+ discount [\d.]+ \((cap binds|within cap)\)/);
  });

  it('an engine metric walks every programme; an unknown household id is an error', () => {
    const s = smallBaseline();
    const t = explainHousehold('reach.none', s, 2, 2016, 0);
    expect(Object.keys(t.lines).sort()).toEqual(['insurance', 'pairing', 'supermarket']);
    expect(() => explainHousehold('reach.none', s, 999_999, 2016, 0)).toThrow(/no household with id 999999/);
  });
});
