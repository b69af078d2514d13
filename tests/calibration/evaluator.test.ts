import { describe, expect, it } from 'vitest';
import { MetricEvaluator } from '../../src/calibration/evaluator.js';
import { programmesFor, runPartialReplication } from '../../src/calibration/partialReplication.js';
import { PROGRAMMES } from '../../src/core/accounts.js';
import { allMetrics, runReplication, simulate } from '../../src/engine/simulate.js';
import { withOverrides } from '../../src/scenario/load.js';
import { smallBaseline } from './helpers.js';

describe('partial replications and the common-random-numbers evaluator', () => {
  it('a programme run alone gives exactly the metrics it gives in the full replication', () => {
    const s = smallBaseline();
    const full = runReplication(s, 5, 1).metrics;
    for (const p of PROGRAMMES) {
      const alone = runPartialReplication(s, 5, 1, new Set([p]));
      const ids = allMetrics().filter((m) => m.programme === p).map((m) => m.id);
      for (const id of ids) expect([id, alone[id]]).toEqual([id, full[id]]);
    }
  });

  it('knows which programmes a metric needs; ledger-wide metrics need all', () => {
    expect(programmesFor(['population.households'])).toEqual(new Set());
    expect(programmesFor(['supermarket.personTimes', 'insurance.claimRate.illnessPoor'])).toEqual(new Set(['supermarket', 'insurance']));
    expect(programmesFor(['cost.districtBudget'])).toBe('all');
    expect(() => programmesFor(['no.such.metric'])).toThrow(/unknown metric/);
  });

  it('means equal simulate()\'s means, with and without overrides (population cached or redrawn)', () => {
    const s = smallBaseline();
    const metrics = ['supermarket.personTimes', 'population.persons', 'cost.charityAssociation'];
    const ev = new MetricEvaluator(s, metrics, { seed: 3, replications: 2 });
    const direct = simulate(s, { seed: 3, replications: 2 });
    const m = ev.means();
    for (const id of metrics) expect(m[id]).toBe(direct.metrics[id]!.mean);
    const overrides = { 'supermarket.visits.meanPerMonth': 2, 'population.marginal.households': 100 };
    const changed = simulate(withOverrides(s, overrides), { seed: 3, replications: 2 });
    const mc = ev.means(overrides);
    for (const id of metrics) expect(mc[id]).toBe(changed.metrics[id]!.mean);
    // The cached population is not disturbed by the redrawn one.
    expect(ev.means()).toEqual(m);
  });
});
