import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/engine/simulate.js';
import { monthlyLinesFigure } from '../../src/programmes/pairing/monthlyChart.js';
import { pairingMetrics } from '../../src/programmes/pairing/metrics.js';
import { simulatePairingOnly } from '../../src/programmes/pairing/runOnly.js';
import { baseline } from './helpers.js';

describe('pairing-only replications', () => {
  const only = simulatePairingOnly(baseline(), { replications: 2 });

  it('give the same summaries as the full engine', () => {
    const full = simulate(baseline(), { replications: 2 });
    for (const m of pairingMetrics) expect(only.perReplication[m.id]).toEqual(full.perReplication[m.id]);
  });

  it('average the monthly series over replications, from the platform\'s first month', () => {
    const mo = only.monthly;
    expect(mo.month[0]).toBe('2015-01');
    expect(mo.month[mo.month.length - 1]).toBe('2017-01');
    for (const k of ['raisedYuan', 'unmetNeedYuan', 'pairedFamilies', 'heldYuan'] as const) expect(mo[k].length).toBe(mo.month.length);
    // Raised in 2015 by month sums to the window's metric (mean over replications).
    const raised2015 = mo.raisedYuan.slice(0, 12).reduce((a, b) => a + b, 0);
    expect(raised2015).toBeCloseTo(only.metrics['pairing.raisedYuan']!.mean, 2);
    const unmet2015 = mo.unmetNeedYuan.slice(0, 12).reduce((a, b) => a + b, 0);
    expect(unmet2015).toBeCloseTo(only.metrics['pairing.unmetNeedYuan']!.mean, 2);
  });

  it('draw as lines with their numbers as a tidy table', () => {
    const f = monthlyLinesFigure([{ name: 'baseline', month: only.monthly.month, value: only.monthly.unmetNeedYuan }], 'Unmet need', 'yuan');
    expect(f.data).toHaveLength(1);
    expect(f.table.value).toHaveLength(only.monthly.month.length);
    expect(f.table.value!.every((v) => Number.isFinite(v as number))).toBe(true);
  });
});
