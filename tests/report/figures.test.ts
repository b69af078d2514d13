import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableToCsv } from '../../src/core/table.js';
import { figureToCsv } from '../../src/report/figure.js';
import {
  benefitDistributionFigure,
  calibrationFigure,
  claimsDistributionFigure,
  costByPayerFigure,
  frontierFigure,
  insuranceWaterfallFigure,
  pairingSankeyFigure,
  paretoFrontier,
  reachFigure,
  shareClaimsExceedPremium,
  sweepHeatmapFigure,
  tornadoFigure,
} from '../../src/report/figures/index.js';

type Trace = Record<string, any>;
const title = (f: { layout: Record<string, any> }): string => f.layout.title.text;

describe('cost by payer', () => {
  const table = {
    payer: ['charityAssociation', 'districtBudget', 'charityAssociation', 'insurer'],
    programme: ['supermarket', 'insurance', 'insurance', 'insurance'],
    yuan: [4_700_000, 3_000_000, 1_450_000, -200_000],
  };
  it('stacks one trace per programme over payers in the engine payer order', () => {
    const f = costByPayerFigure(table, 'en');
    expect(f.data.map((d: Trace) => d.name)).toEqual(['Charity supermarket', '"Timely help" insurance']);
    expect(f.data[0]!.x).toEqual(['District budget', 'Charity association', 'Insurer']);
    expect(f.data[0]!.y).toEqual([0, 4_700_000, 0]);
    expect(f.data[1]!.y).toEqual([3_000_000, 1_450_000, -200_000]);
    expect(f.layout.barmode).toBe('relative');
  });
  it('labels in Chinese', () => {
    const f = costByPayerFigure(table, 'zh');
    expect(f.data[0]!.x).toEqual(['区财政', '区慈善会', '保险公司']);
    expect(title(f)).toBe('各出资方净支出（按项目）');
  });
  it('gives its numbers as CSV', () => {
    const csv = figureToCsv(costByPayerFigure(table, 'en'));
    expect(csv.split('\n')[0]).toBe('payer,payerLabel,programme,programmeLabel,yuan');
    expect(csv).toContain('insurer,Insurer,insurance,"""Timely help"" insurance",-200000');
  });
  it('rejects a missing column and non-numbers by name', () => {
    expect(() => costByPayerFigure({ payer: ['x'], programme: ['supermarket'] }, 'en')).toThrow(/no column "yuan"/);
    expect(() => costByPayerFigure({ payer: ['x'], programme: ['supermarket'], yuan: ['abc'] }, 'en')).toThrow(/row 1 is not a finite number/);
  });
  it('an empty table gives an empty chart, not NaN', () => {
    const f = costByPayerFigure({ payer: [], programme: [], yuan: [] }, 'en');
    expect(f.data).toEqual([]);
    expect(figureToCsv(f)).toBe('payer,payerLabel,programme,programmeLabel,yuan\n');
  });
});

describe('benefit distribution', () => {
  const table = { category: ['marginal', 'dibao', 'dibao', 'specialHardship'], benefitYuan: [10, 20, 30, 40] };
  it('one box per category in catalogue order', () => {
    const f = benefitDistributionFigure(table, 'zh');
    expect(f.data.map((d: Trace) => d.name)).toEqual(['低保家庭', '低保边缘家庭', '特殊困难家庭']);
    expect(f.data.map((d: Trace) => d.y)).toEqual([[20, 30], [10], [40]]);
    expect(f.data.every((d: Trace) => d.type === 'box')).toBe(true);
  });
  it('or overlaid histograms', () => {
    const f = benefitDistributionFigure(table, 'en', 'histogram');
    expect(f.data.map((d: Trace) => d.type)).toEqual(['histogram', 'histogram', 'histogram']);
    expect(f.data[0]!.x).toEqual([20, 30]);
    expect(f.layout.barmode).toBe('overlay');
  });
});

describe('sweep heatmap', () => {
  it('averages repeats and leaves missing grid points empty', () => {
    const table = { cap: [100, 100, 200, 100], factor: [0.6, 0.6, 0.6, 0.8], reach: [10, 20, 30, 40] };
    const f = sweepHeatmapFigure(table, { x: 'cap', y: 'factor', value: 'reach', valueLabel: 'Households reached' }, 'en');
    const h = f.data[0] as Trace;
    expect(h.x).toEqual([100, 200]);
    expect(h.y).toEqual([0.6, 0.8]);
    expect(h.z).toEqual([[15, 30], [40, null]]);
    expect(title(f)).toBe('Parameter sweep: Households reached');
    expect(tableToCsv(f.table)).toBe('cap,factor,reach\n100,0.6,15\n200,0.6,30\n100,0.8,40\n200,0.8,\n');
  });
});

describe('frontier', () => {
  it('marks the undominated candidates', () => {
    const table = { cost: [10, 20, 15, 30, 20], reached: [5, 8, 4, 9, 7], name: ['a', 'b', 'c', 'd', 'e'] };
    const f = frontierFigure(table, { cost: 'cost', outcome: 'reached', label: 'name' }, 'en');
    expect(f.data[1]!.text).toEqual(['a', 'b', 'd']);
    expect(f.table.onFrontier).toEqual([true, true, false, true, false]);
  });
  it('property: no candidate dominates a frontier point, and every other point is dominated', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 0, max: 50 })), { maxLength: 40 }), (pts) => {
        const cost = pts.map((p) => p[0]);
        const out = pts.map((p) => p[1]);
        const front = new Set(paretoFrontier(cost, out));
        const dominates = (j: number, i: number): boolean => (cost[j]! <= cost[i]! && out[j]! > out[i]!) || (cost[j]! < cost[i]! && out[j]! >= out[i]!);
        pts.forEach((_, i) => {
          const dominated = pts.some((__, j) => dominates(j, i));
          if (front.has(i)) expect(dominated).toBe(false);
          else expect(dominated || pts.some((__, j) => j !== i && front.has(j) && cost[j] === cost[i] && out[j] === out[i])).toBe(true);
        });
      }),
    );
  });
});

describe('calibration', () => {
  const table = {
    target: ['a', 'b', 'zero'],
    low: [90_000, 4_450_000, 0],
    high: [100_000, 4_450_000, 0],
    mean: [95_000, 4_000_000, 0],
    p025: [94_000, 3_900_000, 0],
    p975: [96_000, 4_100_000, 0],
  };
  it('puts every target on percent of its midpoint and colours misses red', () => {
    const f = calibrationFigure(table, 'en');
    const sim = f.data[1] as Trace;
    expect(sim.x[0]).toBeCloseTo(100);
    expect(sim.x[1]).toBeCloseTo((4_000_000 / 4_450_000) * 100);
    expect(sim.error_x.arrayminus[0]).toBeCloseTo((1000 / 95_000) * 100);
    expect(sim.marker.color).toEqual(['#2ca02c', '#d62728', '#2ca02c']);
    expect(f.table.withinTarget).toEqual([true, false, true]);
    const tgt = f.data[0] as Trace;
    expect(tgt.error_x.array[0]).toBeCloseTo((5000 / 95_000) * 100);
    expect(tgt.error_x.array[1]).toBe(0);
  });
  it('never produces NaN, also for a zero target', () => {
    const json = JSON.stringify(calibrationFigure(table, 'zh').data);
    expect(json).not.toContain('null');
    expect(json).not.toMatch(/NaN/);
  });
});

describe('insurance waterfall', () => {
  it('starts at the cost, falls by each layer, ends at what households keep paying', () => {
    const f = insuranceWaterfallFigure({ step: ['hospitalCost', 'basic', 'claim:topUp'], yuan: [1000, 600, 300] }, 'zh');
    const w = f.data[0] as Trace;
    expect(w.x).toEqual(['住院费用', '基本医疗保险', '重病住院补充', '家庭净自付']);
    expect(w.y).toEqual([1000, -600, -300, 100]);
    expect(w.measure).toEqual(['absolute', 'relative', 'relative', 'total']);
    expect(f.table.remainingAfterStep).toEqual([1000, 400, 100, 100]);
  });
  it('needs the starting row', () => {
    expect(() => insuranceWaterfallFigure({ step: [], yuan: [] }, 'en')).toThrow(/no rows/);
  });
});

describe('claims distribution', () => {
  it('marks the premium and reports how often claims exceed it', () => {
    const f = claimsDistributionFigure({ claimsPaidYuan: [90, 110, 95, 120], premiumYuan: [100, 100, 100, 100] }, 'en');
    const layout = f.layout as Record<string, any>;
    expect(layout.shapes[0].x0).toBe(100);
    expect(layout.annotations[0].text).toBe('Premium 100 yuan');
    expect(title(f)).toContain('Probability claims exceed the premium: 50.0%');
    expect(f.table.claimsExceedPremium).toEqual([false, true, false, true]);
    expect(layout.xaxis.range).toEqual([90 - 2.4, 120 + 2.4]);
  });
  it('one replication still draws its bar: explicit bins over the shown range', () => {
    const f = claimsDistributionFigure({ claimsPaidYuan: [3_300_000], premiumYuan: [4_150_000] }, 'en');
    const h = f.data[0] as Trace;
    expect(h.xbins.size).toBeGreaterThan(0);
    expect(h.xbins.start).toBeLessThan(3_300_000);
    expect(h.xbins.end).toBeGreaterThan(4_150_000);
  });
  it('zero replications: no NaN', () => {
    expect(shareClaimsExceedPremium([], [])).toBe(0);
    const f = claimsDistributionFigure({ claimsPaidYuan: [], premiumYuan: [] }, 'zh');
    expect(JSON.stringify(f)).not.toMatch(/NaN/);
    expect(title(f)).toContain('—');
  });
});

describe('pairing Sankey', () => {
  it('links donor types through the association to need types, dropping empty links', () => {
    const table = {
      source: ['company', 'individual', 'charityAssociation', 'charityAssociation', 'charityAssociation', 'charityAssociation'],
      target: ['charityAssociation', 'charityAssociation', 'medical', 'schooling', 'held', 'living'],
      yuan: [300, 100, 250, 50, 100, 0],
    };
    const f = pairingSankeyFigure(table, 'zh');
    const s = f.data[0] as Trace;
    expect(s.node.label).toEqual(['爱心企业', '区慈善会', '爱心人士', '就医', '入学', '慈善会结存']);
    expect(s.link).toEqual({ source: [0, 2, 1, 1, 1], target: [1, 1, 3, 4, 5], value: [300, 100, 250, 50, 100] });
    expect(f.table.yuan).toHaveLength(6);
  });
});

describe('tornado', () => {
  it('puts the widest swing on top, bars measured from the baseline', () => {
    const f = tornadoFigure({ parameter: ['cap', 'rate', 'share'], low: [90, 70, 99], high: [110, 140, 101] }, 100, 'Reach', 'en');
    const [lo, hi] = f.data as Trace[];
    expect(lo!.y).toEqual(['share', 'cap', 'rate']);
    expect(lo!.x).toEqual([-1, -10, -30]);
    expect(hi!.x).toEqual([1, 10, 40]);
    expect(lo!.base).toEqual([100, 100, 100]);
    expect(f.table.swing).toEqual([20, 70, 2]);
  });
});

describe('reach', () => {
  it('labels the groups and carries the interval', () => {
    const f = reachFigure({ group: ['none', 'several'], households: [10, 5], p025: [8, 4], p975: [13, 6] }, 'zh');
    const b = f.data[0] as Trace;
    expect(b.x).toEqual(['未被任何项目覆盖', '被两个及以上项目覆盖']);
    expect(b.error_y.array).toEqual([3, 1]);
    expect(b.error_y.arrayminus).toEqual([2, 1]);
  });
});

describe('every figure', () => {
  it('is plain JSON (survives a round trip unchanged)', () => {
    const figs = [
      costByPayerFigure({ payer: ['donors'], programme: ['pairing'], yuan: [1] }, 'en'),
      tornadoFigure({ parameter: ['p'], low: [1], high: [2] }, 1.5, 'm', 'zh'),
      reachFigure({ group: ['one'], households: [3] }, 'en'),
    ];
    for (const f of figs) expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
});
