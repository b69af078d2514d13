import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, overview, pairedSummary, tQuantile975 } from '../../src/engine/compare.js';
import { PAYERS } from '../../src/metrics/engineMetrics.js';
import { withOverrides } from '../../src/scenario/load.js';
import { smallScenario } from './fixtures.js';

describe('tQuantile975', () => {
  it('matches published Student t quantiles', () => {
    const published: Array<[number, number]> = [[1, 12.7062], [2, 4.3027], [5, 2.5706], [10, 2.2281], [11, 2.201], [19, 2.093], [30, 2.0423], [120, 1.9799]];
    for (const [df, t] of published) expect(tQuantile975(df)).toBeCloseTo(t, 3);
  });
  it('decreases toward the normal quantile', () => {
    for (let df = 1; df < 200; df++) expect(tQuantile975(df + 1)).toBeLessThan(tQuantile975(df));
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
  });
});

describe('pairedSummary', () => {
  it('summarises differences replication by replication', () => {
    const s = pairedSummary([10, 20, 30], [11, 22, 33]);
    expect(s.difference.mean).toBeCloseTo(2);
    expect(s.difference.sd).toBeCloseTo(1);
    expect(s.difference.ciLow).toBeCloseTo(2 - tQuantile975(2) / Math.sqrt(3));
    expect(s.difference.ciHigh).toBeCloseTo(2 + tQuantile975(2) / Math.sqrt(3));
    expect(s.baseline.mean).toBe(20);
    expect(s.reform.mean).toBe(22);
  });
  it('the difference of means is the mean of differences, and the CI contains it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: -1e6, max: 1e6 })), { minLength: 1, maxLength: 30 }), (pairs) => {
        const s = pairedSummary(pairs.map((p) => p[0]), pairs.map((p) => p[1]));
        expect(s.difference.mean).toBeCloseTo(s.reform.mean - s.baseline.mean, 6);
        expect(s.difference.ciLow).toBeLessThanOrEqual(s.difference.mean + 1e-9);
        expect(s.difference.ciHigh).toBeGreaterThanOrEqual(s.difference.mean - 1e-9);
        for (const v of [s.difference.sd, s.difference.ciLow, s.difference.ciHigh]) expect(Number.isFinite(v)).toBe(true);
      }),
    );
  });
  it('refuses series of different lengths', () => {
    expect(() => pairedSummary([1, 2], [1])).toThrow(/length/);
  });
});

describe('compare', () => {
  const base = smallScenario();

  it('a scenario against itself differs by exactly nothing, in every metric and group', () => {
    const c = compare(base, base, { replications: 2 });
    expect(Object.keys(c.metrics).length).toBeGreaterThan(20);
    for (const [id, m] of Object.entries(c.metrics)) {
      expect(m.difference.mean, id).toBe(0);
      expect(m.difference.sd, id).toBe(0);
      expect(m.baseline.mean, id).toBe(m.reform.mean);
    }
    expect(c.distribution.householdsPaired).toBe(true);
    for (const g of [...c.distribution.byCategory, ...c.distribution.byDecile]) {
      expect(g.winners!.mean).toBe(0);
      expect(g.losers!.mean).toBe(0);
      expect(g.meanBenefitYuan.difference.mean).toBe(0);
    }
  });

  it('the paired interval is much narrower than an unpaired one (common random numbers)', () => {
    // 100 more special-hardship households: drawn after every other household, so on common
    // streams the first 1,300 households are the same people and only the newcomers differ.
    // 20 replications: with 6, the sample sds put the ratio below 3 about one run in seven.
    const reform = withOverrides(base, { 'population.specialHardship.households': 500 });
    const paired = compare(base, reform, { replications: 20 });
    const unpaired = compare(base, reform, { replications: 20, reformSeed: base.values.simulation.seed + 1 });
    const p = paired.metrics['population.persons']!.difference;
    const u = unpaired.metrics['population.persons']!.difference;
    expect(p.mean).toBeGreaterThan(0);
    expect(p.sd).toBeGreaterThan(0);
    expect(u.sd / p.sd).toBeGreaterThan(3);
    expect(u.ciHigh - u.ciLow).toBeGreaterThan(3 * (p.ciHigh - p.ciLow));
    // the same number of replications, the same reform: only the pairing differs
    expect(unpaired.metrics['population.persons']!.reform.n).toBe(p.n);
  });

  it('reports cost by payer, relief, leverage, reach and distribution consistently', () => {
    const reform = withOverrides(base, { 'insurance.households': 300 });
    const c = compare(base, reform, { replications: 2 });
    for (const payer of PAYERS) expect(c.costByPayer[payer]!.baseline.mean).toBe(c.metrics[`cost.${payer}`]!.baseline.mean);
    expect(c.reach.none.reform.mean).toBe(c.metrics['reach.none']!.reform.mean);
    const relief = c.relief.total.baseline.mean;
    const byProgramme = Object.values(c.relief.byProgramme).reduce((s, p) => s + p.baseline.mean, 0);
    expect(relief).toBeCloseTo(byProgramme, 2);
    const district = c.relief.districtCost.baseline.mean;
    expect(district).toBeGreaterThan(0);
    expect(c.relief.leverage.baseline.mean).toBeCloseTo(relief / district, 6);
    const households = c.metrics['population.households']!.baseline.mean;
    const sum = (groups: typeof c.distribution.byCategory) => groups.reduce((s, g) => s + g.households.baseline.mean, 0);
    expect(sum(c.distribution.byCategory)).toBe(households);
    expect(sum(c.distribution.byDecile)).toBe(households);
    for (const g of [...c.distribution.byCategory, ...c.distribution.byDecile]) {
      expect(g.winners!.mean + g.losers!.mean).toBeLessThanOrEqual(g.households.baseline.mean);
    }
    // insuring 150 more households makes some special-hardship households better off
    const special = c.distribution.byCategory.find((g) => g.group === 'specialHardship')!;
    expect(special.winners!.mean).toBeGreaterThan(0);
    expect(special.meanBenefitYuan.difference.mean).toBeGreaterThan(0);
  });

  it('overview of one scenario agrees with the baseline side of a comparison', () => {
    const c = compare(base, base, { replications: 2 });
    const o = overview(base, { replications: 2 });
    expect(o.relief.total).toEqual(c.relief.total.baseline);
    expect(o.relief.leverage).toEqual(c.relief.leverage.baseline);
    expect(o.costByPayer.insurer).toEqual(c.costByPayer.insurer!.baseline);
    expect(o.reach.none).toEqual(c.reach.none.baseline);
  });

  it('does not pair households one to one when the reform changes who they are', () => {
    const reform = withOverrides(base, { 'population.dibao.households': 700 });
    const c = compare(base, reform, { replications: 1 });
    expect(c.distribution.householdsPaired).toBe(false);
    expect(c.distribution.byCategory[0]!.winners).toBeUndefined();
    expect(c.distribution.byCategory[0]!.households.difference.mean).toBe(100);
  });

  it('gives zeros, not NaN, for an empty population', () => {
    const empty = withOverrides(base, { 'population.dibao.households': 0, 'population.marginal.households': 0, 'population.specialHardship.households': 0, 'insurance.households': 0 });
    const c = compare(empty, empty, { replications: 1 });
    const numbers = JSON.stringify(c).match(/-?\d+(\.\d+)?(e[-+]?\d+)?|null|NaN|Infinity/g) ?? [];
    expect(numbers.filter((x) => x === 'null' || x === 'NaN' || x === 'Infinity')).toEqual([]);
    expect(c.relief.leverage.baseline.mean).toBe(c.relief.districtCost.baseline.mean > 0 ? c.relief.total.baseline.mean / c.relief.districtCost.baseline.mean : 0);
  });
});
