import { describe, expect, it } from 'vitest';
import { checkTargets, targetDeviation, targetScale } from '../../src/calibration/checkTargets.js';
import { loadModelTargets } from '../../src/calibration/modelTargets.js';
import { ScenarioError } from '../../src/scenario/issues.js';
import { summarise } from '../../src/metrics/summary.js';
import { tempDir, writeTargets } from './helpers.js';

describe('targets against the model', () => {
  it('the shipped targets name only metrics the model reports', () => {
    const targets = loadModelTargets();
    expect(targets.length).toBeGreaterThanOrEqual(10);
  });

  it('reports an unknown metric and a low above its high with their CSV lines, all at once', () => {
    const file = writeTargets(tempDir(), [
      { id: 'ok', metric: 'population.households', low: 1, high: 2 },
      { id: 'unknown', metric: 'supermarket.noSuchMetric', low: 1, high: 2 },
      { id: 'inverted', metric: 'population.persons', low: 5, high: 4 },
    ]);
    try {
      loadModelTargets(file);
      expect.unreachable('bad targets must be refused');
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      const msg = (e as ScenarioError).message;
      expect(msg).toMatch(/targets\.csv:3: metric: unknown metric \(got "supermarket\.noSuchMetric"/);
      expect(msg).toMatch(/targets\.csv:4: low: low is above high \(got "5 > 4"/);
      expect((e as ScenarioError).issues).toHaveLength(2);
    }
  });
});

describe('checkTargets', () => {
  const result = { metrics: { m: { ...summarise([9, 10, 11, 10]), unit: 'u' } } };

  it('passes when the mean lies in the range, and gives both intervals', () => {
    const [c] = checkTargets([{ id: 't', metric: 'm', low: 9.5, high: 10.5, unit: 'u', window: '', quote: '' }], result);
    expect(c!.pass).toBe(true);
    expect(c!.mean).toBe(10);
    expect(c!.meanLow).toBeCloseTo(10 - 1.959964 * c!.se, 6);
    expect(c!.meanHigh).toBeCloseTo(10 + 1.959964 * c!.se, 6);
    expect(c!.p025).toBeLessThan(c!.mean);
    expect(c!.p975).toBeGreaterThan(c!.mean);
  });

  it('fails when the range is out of reach, even if single replications touch it', () => {
    const [c] = checkTargets([{ id: 't', metric: 'm', low: 10.8, high: 12, unit: 'u', window: '', quote: '' }], result);
    expect(c!.pass).toBe(false);
    expect(c!.p975).toBeGreaterThan(10.8);
  });

  it('a target whose metric was not simulated is an error', () => {
    expect(() => checkTargets([{ id: 't', metric: 'other', low: 0, high: 1, unit: '', window: '', quote: '' }], result)).toThrow(/no metric "other"/);
  });

  it('deviation: 0 at the midpoint, ±1 at the range ends; zero-width ranges stay finite', () => {
    const t = { low: 90, high: 110 };
    expect(targetDeviation(t, 100)).toBe(0);
    expect(targetDeviation(t, 110)).toBe(1);
    expect(targetDeviation(t, 90)).toBe(-1);
    expect(targetScale({ low: 4_450_000, high: 4_450_000 }).half).toBe(4450);
    expect(targetScale({ low: 0, high: 0 }).half).toBeGreaterThan(0);
  });
});
