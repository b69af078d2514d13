import { describe, expect, it } from 'vitest';
import { loadTargets } from '../../src/calibration/targets.js';
import { summarise } from '../../src/metrics/summary.js';
import { flattenCatalogue } from '../../src/scenario/catalogue.js';
import { baseline, runPairing } from './helpers.js';

const targets = loadTargets('data/targets.csv').filter((t) => t.metric.startsWith('pairing.'));

describe('the baseline reproduces the article\'s 2015 pairing figures (20 replications, seed 2016)', () => {
  const scenario = baseline();
  const runs = Array.from({ length: 20 }, (_, r) => runPairing(scenario, 2016, r).metrics);
  const mean = (id: string) => summarise(runs.map((m) => m[id]!)).mean;

  it('has the four pairing targets', () => {
    expect(targets.map((t) => t.id).sort()).toEqual(['pairing.disbursed', 'pairing.donors', 'pairing.families', 'pairing.raised']);
  });

  for (const t of targets) {
    it(`${t.id}: mean ${t.metric} within [${t.low}, ${t.high}]`, () => {
      const m = mean(t.metric);
      expect(m).toBeGreaterThanOrEqual(t.low);
      expect(m).toBeLessThanOrEqual(t.high);
    });
  }

  it('plausibility: the gap between raised and paid out is goods, other relief and held funds', () => {
    const raised = mean('pairing.raisedYuan');
    const parts = mean('pairing.disbursedYuan') + mean('pairing.goodsYuan') + mean('pairing.activitiesYuan') + mean('pairing.heldYuan');
    // Held is a stock at the window end; with an empty platform before 2015 it equals what stayed of 2015's money.
    expect(parts).toBeCloseTo(raised, 0);
    expect(mean('pairing.disbursedYuan') / raised).toBeLessThan(0.3);
  });

  it('plausibility: a few companies give most; families are paired within months; aid stays below need', () => {
    expect(mean('pairing.companyShareOfPledged')).toBeGreaterThan(0.5);
    expect(mean('pairing.topDecileShareOfPledged')).toBeGreaterThan(0.3);
    expect(mean('pairing.monthsToPairing')).toBeGreaterThan(1);
    expect(mean('pairing.monthsToPairing')).toBeLessThan(6);
    const needs = scenario.values.pairing.needs;
    const maxMeanNeed = Math.max(needs.medical.meanMonthlyYuan, needs.schooling.meanMonthlyYuan, needs.living.meanMonthlyYuan);
    expect(mean('pairing.aidPerPairedMonthYuan')).toBeLessThan(maxMeanNeed);
    // 843,200 yuan for 130 families is about 6,500 yuan a family in the year.
    expect(mean('pairing.disbursedYuan') / mean('pairing.familiesPaired')).toBeGreaterThan(5000);
    expect(mean('pairing.disbursedYuan') / mean('pairing.familiesPaired')).toBeLessThan(8000);
  });

  it('fitted parameters say so, name existing targets, and sit inside their bounds', () => {
    const ids = new Set(loadTargets('data/targets.csv').map((t) => t.id));
    const fitted = flattenCatalogue().filter((e) => e.path.startsWith('pairing.') && e.spec.source.kind === 'assumed' && e.spec.source.fit);
    expect(fitted.length).toBeGreaterThanOrEqual(6);
    for (const { path, spec } of fitted) {
      const src = spec.source as { note: string; fit: { lower: number; upper: number; targets: readonly string[] } };
      expect(src.note, path).toMatch(/^assumed; calibrated to target /);
      for (const id of src.fit.targets) expect(ids.has(id), `${path} → ${id}`).toBe(true);
      const value = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], scenario.values) as number;
      expect(value, path).toBeGreaterThanOrEqual(src.fit.lower);
      expect(value, path).toBeLessThanOrEqual(src.fit.upper);
    }
  });
});
