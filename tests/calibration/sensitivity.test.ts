import { describe, expect, it } from 'vitest';
import { morris, screenedParameters } from '../../src/calibration/morris.js';
import { morrisTable, tornadoTable } from '../../src/calibration/sensitivityTables.js';
import { assumedParametersOf, tornado } from '../../src/calibration/tornado.js';
import { withOverrides } from '../../src/scenario/load.js';
import { smallBaseline } from './helpers.js';

const COUNTS = ['population.dibao.households', 'population.marginal.households', 'population.specialHardship.households'];

describe('tornado (one at a time, ±delta)', () => {
  it('ranks parameters by swing; for a sum of counts the swings are exact', () => {
    const s = smallBaseline();
    const t = tornado(s, 'population.households', { delta: 0.1, seed: 1, replications: 1, parameters: COUNTS });
    expect(t.baseline).toBe(360 + 180 + 600);
    expect(t.rows.map((r) => r.path)).toEqual(['population.specialHardship.households', 'population.dibao.households', 'population.marginal.households']);
    expect(t.rows.map((r) => r.swing)).toEqual([120, 72, 36]);
    const dibao = t.rows[1]!;
    expect([dibao.paramLow, dibao.paramHigh, dibao.low, dibao.high]).toEqual([324, 396, 1104, 1176]);
    const table = tornadoTable(t);
    expect(table.rank).toEqual([1, 2, 3]);
  });

  it('by default varies the assumed number parameters the metric depends on, never policy figures or statistics', () => {
    const paths = assumedParametersOf('supermarket.discountYuan');
    expect(paths).toContain('supermarket.visits.meanPerMonth');
    expect(paths).toContain('population.dibao.households');
    expect(paths).not.toContain('supermarket.vegetables.cap');
    expect(paths).not.toContain('population.dibaoStandardYuan');
    expect(paths.some((p) => p.startsWith('simulation.'))).toBe(false);
  });

  it('a real programme: more card take-up, more subsidy; zero values are skipped with the reason', () => {
    const s = smallBaseline();
    const t = tornado(s, 'supermarket.subsidyYuan', { seed: 2, replications: 1, parameters: ['supermarket.cards.takeUpShare', 'supermarket.vegetables.cap', 'population.foodShare'] });
    const takeUp = t.rows.find((r) => r.path === 'supermarket.cards.takeUpShare')!;
    expect(takeUp.high).toBeGreaterThan(takeUp.low);
    expect(t.rows.every((r) => Number.isFinite(r.low) && Number.isFinite(r.high))).toBe(true);
    const noAttrition = withOverrides(s, { 'supermarket.cards.monthlyAttrition': 0 });
    const z = tornado(noAttrition, 'population.households', { seed: 2, replications: 1, parameters: ['supermarket.cards.monthlyAttrition', 'supermarket.capBasis'] });
    expect(z.rows).toEqual([]);
    expect(z.skipped).toEqual([
      { path: 'supermarket.cards.monthlyAttrition', reason: 'value is 0: a relative change moves nothing' },
      { path: 'supermarket.capBasis', reason: 'not a number parameter (enum)' },
    ]);
    expect(() => tornado(s, 'supermarket.subsidyYuan', { delta: 1.5 })).toThrow(/delta/);
  });
});

describe('Morris elementary effects', () => {
  it('for a sum of counts every effect equals the parameter\'s range, with no spread', () => {
    const s = smallBaseline();
    const params = [
      { path: 'population.dibao.households', lower: 100, upper: 700, targets: ['x'], integer: true },
      { path: 'population.marginal.households', lower: 50, upper: 350, targets: ['x'], integer: true },
    ];
    const m = morris(s, { metrics: ['population.households'], parameters: params, trajectories: 4, seed: 9, replications: 1 });
    expect(m.evaluations).toBeLessThanOrEqual(4 * 3);
    expect(m.step).toBeCloseTo(2 / 3, 12);
    const byPath = Object.fromEntries(m.rows.map((r) => [r.path, r]));
    expect(byPath['population.dibao.households']!.muStar).toBeCloseTo(600, 0);
    expect(byPath['population.marginal.households']!.muStar).toBeCloseTo(300, 0);
    expect(byPath['population.dibao.households']!.mu).toBeCloseTo(600, 0);
    expect(byPath['population.dibao.households']!.sigma).toBeLessThan(1);
    expect(m.rows[0]!.path).toBe('population.dibao.households');
    const table = morrisTable(m, [{ id: 'x', metric: 'population.households', low: 1000, high: 1200, unit: '', window: '', quote: '' }]);
    expect(table['μ*/half-width']![0]).toBeCloseTo(6, 1);
  });

  it('by default screens the fittable parameters the metrics depend on', () => {
    const paths = screenedParameters(['supermarket.personTimes']).map((p) => p.path);
    expect(paths).toContain('supermarket.cards.takeUpShare');
    expect(paths).toContain('supermarket.visits.meanPerMonth');
    expect(paths.some((p) => p.startsWith('pairing.') || p.startsWith('insurance.'))).toBe(false);
    expect(screenedParameters(['population.households'])).toEqual([]);
    expect(() => morris(smallBaseline(), { metrics: ['population.households'] })).toThrow(/no fittable parameter feeds population\.households/);
  });

  it('is reproducible from its seed and refuses bad designs', () => {
    const s = smallBaseline();
    const params = [
      { path: 'population.dibao.households', lower: 100, upper: 700, targets: ['x'], integer: true },
      { path: 'population.dibao.incomePerPersonYuan', lower: 300, upper: 600, targets: ['x'], integer: false },
    ];
    const a = morris(s, { metrics: ['population.persons'], parameters: params, trajectories: 3, seed: 4, replications: 1 });
    const b = morris(s, { metrics: ['population.persons'], parameters: params, trajectories: 3, seed: 4, replications: 1 });
    expect(a.rows).toEqual(b.rows);
    expect(a.rows.find((r) => r.path === 'population.dibao.incomePerPersonYuan')!.muStar).toBe(0);
    expect(() => morris(s, { metrics: ['population.persons'], parameters: params, levels: 3 })).toThrow(/even/);
    expect(() => morris(s, { metrics: ['population.persons'], parameters: [], trajectories: 3 })).toThrow(/no parameter/);
  });
});
