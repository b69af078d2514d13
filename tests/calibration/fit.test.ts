import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MetricEvaluator } from '../../src/calibration/evaluator.js';
import { fitScenario, NothingToFitError, targetObjective } from '../../src/calibration/fit.js';
import { fittedScenarioText } from '../../src/calibration/fittedScenarioFile.js';
import { loadTargets } from '../../src/calibration/targets.js';
import { loadScenario, withOverrides } from '../../src/scenario/load.js';
import { baseline, smallBaseline, tempDir, writeTargets } from './helpers.js';

const SEED = 11;

/** Targets built from a run of the model itself at known values: a range of ±0.1% around the simulated means. */
function selfTargets(dir: string, known: Record<string, number>, metrics: Record<string, string>, replications: number) {
  const truth = new MetricEvaluator(withOverrides(smallBaseline(), known), Object.values(metrics), { seed: SEED, replications });
  const means = truth.means();
  const file = writeTargets(dir, Object.entries(metrics).map(([id, metric]) => ({ id, metric, low: means[metric]! * 0.999, high: means[metric]! * 1.001 })));
  return loadTargets(file);
}

describe('calibrate --fit recovers values from targets the model generated', () => {
  it('two population counts from households and persons (integers, joint fit)', () => {
    const dir = tempDir();
    const targets = selfTargets(dir, { 'population.dibao.households': 250, 'population.marginal.households': 260 }, { 'test.households': 'population.households', 'test.persons': 'population.persons' }, 2);
    const fit = fitScenario(smallBaseline(), targets, {
      seed: SEED,
      replications: 2,
      parameters: [
        { path: 'population.dibao.households', lower: 100, upper: 600, targets: ['test.households', 'test.persons'], integer: true },
        { path: 'population.marginal.households', lower: 50, upper: 500, targets: ['test.households', 'test.persons'], integer: true },
      ],
      maxEvaluations: 300,
    });
    expect(fit.groups).toHaveLength(1);
    const got = Object.fromEntries(fit.parameters.map((p) => [p.path, p.value]));
    expect(Math.abs(got['population.dibao.households']! - 250)).toBeLessThanOrEqual(6);
    expect(Math.abs(got['population.marginal.households']! - 260)).toBeLessThanOrEqual(6);
    expect(fit.objective).toBeLessThan(1);
    expect(fit.objective).toBeLessThan(fit.objectiveStart);
  });

  it('a programme parameter: the supermarket visit rate from person-times', () => {
    const dir = tempDir();
    const targets = selfTargets(dir, { 'supermarket.visits.meanPerMonth': 1.6 }, { 'test.personTimes': 'supermarket.personTimes' }, 1);
    const fit = fitScenario(smallBaseline(), targets, {
      seed: SEED,
      replications: 1,
      parameters: [{ path: 'supermarket.visits.meanPerMonth', lower: 0.5, upper: 4, targets: ['test.personTimes'], integer: false }],
      maxEvaluations: 40,
      passes: 1,
    });
    expect(fit.parameters[0]!.start).not.toBeCloseTo(1.6, 1);
    expect(fit.parameters[0]!.value).toBeCloseTo(1.6, 1.5);
    expect(Math.abs(fit.parameters[0]!.value - 1.6) / 1.6).toBeLessThan(0.01);
  });

  it('writes a scenario that extends the input, sets only the fitted values with notes, and loads back to them', () => {
    const dir = tempDir();
    const targets = selfTargets(dir, { 'population.dibao.households': 300 }, { 'test.households': 'population.households' }, 1);
    const input = baseline();
    const fitFrom = smallBaseline();
    const fit = fitScenario(fitFrom, targets, { seed: SEED, replications: 1, parameters: [{ path: 'population.dibao.households', lower: 100, upper: 600, targets: ['test.households'], integer: true }] });
    expect(fit.parameters[0]!.value).toBe(300);
    const out = join(dir, 'sub', 'fitted.yaml');
    const text = fittedScenarioText(input, fit, out, 'test-fitted');
    expect(text).toMatch(/^extends: .*scenarios\/baseline-2016\.yaml$/m);
    expect(text).toMatch(/assumed; calibrated to target test\.households by calibrate --fit .*seed 11, 1 replications; objective/);
    // Only the fitted path is set: no policy value is copied into the new file.
    expect(text).not.toMatch(/priceFactor|fundingYuan/);
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(out, text);
    const loaded = loadScenario(out);
    expect(loaded.name).toBe('test-fitted');
    expect(loaded.values.population.dibao.households).toBe(300);
    expect(loaded.notes['population.dibao.households']).toMatch(/calibrated to target test\.households/);
    expect(loaded.values.supermarket).toEqual(input.values.supermarket);
    expect(readFileSync(out, 'utf8')).toBe(fittedScenarioText(input, fit, out, 'test-fitted'));
  });

  it('re-fitting a fitted scenario stays where it is', () => {
    const dir = tempDir();
    const targets = selfTargets(dir, { 'population.dibao.households': 250, 'population.marginal.households': 260 }, { 'test.households': 'population.households', 'test.persons': 'population.persons' }, 1);
    const parameters = [
      { path: 'population.dibao.households', lower: 100, upper: 600, targets: ['test.households', 'test.persons'], integer: true },
      { path: 'population.marginal.households', lower: 50, upper: 500, targets: ['test.households', 'test.persons'], integer: true },
    ];
    const first = fitScenario(smallBaseline(), targets, { seed: SEED, replications: 1, parameters, maxEvaluations: 300 });
    const again = fitScenario(first.scenario, targets, { seed: SEED, replications: 1, parameters, maxEvaluations: 300 });
    again.parameters.forEach((p, i) => expect(Math.abs(p.value - first.parameters[i]!.value)).toBeLessThanOrEqual(0.01 * (p.upper - p.lower)));
    expect(again.objective).toBeLessThanOrEqual(first.objective + 1e-9);
  });

  it('when two parameters feed one target, the pull towards the start picks the smallest change', () => {
    // households = dibao + marginal + specialHardship; start 360 + 180 + 600 = 1140, target 1200.
    // Minimising Σ(Δ/width)² subject to Δdibao + Δmarginal = 60 gives Δ ∝ width²: 48 and 12.
    const targets = loadTargets(writeTargets(tempDir(), [{ id: 'hh', metric: 'population.households', low: 1199.5, high: 1200.5 }]));
    const fit = fitScenario(smallBaseline(), targets, {
      seed: SEED,
      replications: 1,
      parameters: [
        { path: 'population.dibao.households', lower: 100, upper: 700, targets: ['hh'], integer: false },
        { path: 'population.marginal.households', lower: 50, upper: 350, targets: ['hh'], integer: false },
      ],
      maxEvaluations: 300,
    });
    const [dibao, marginal] = fit.parameters.map((p) => p.value);
    expect(Math.abs(dibao! - 408)).toBeLessThan(6);
    expect(Math.abs(marginal! - 192)).toBeLessThan(3);
  });

  it('says so when there is nothing to fit, and rejects bad bounds, unknown targets and policy figures', () => {
    const dir = tempDir();
    const targets = loadTargets(writeTargets(dir, [{ id: 't', metric: 'population.households', low: 1, high: 2 }]));
    const s = baseline();
    expect(() => fitScenario(s, targets, { parameters: [] })).toThrow(NothingToFitError);
    const p = { path: 'population.dibao.households', lower: 10, upper: 5, targets: ['t'], integer: true };
    expect(() => fitScenario(s, targets, { parameters: [p] })).toThrow(/lower is above upper/);
    expect(() => fitScenario(s, targets, { parameters: [{ ...p, lower: 1, upper: 9, targets: ['nope'] }] })).toThrow(/fitted to an unknown target/);
    expect(() => fitScenario(s, targets, { parameters: [{ ...p, path: 'supermarket.vegetables.priceFactor', lower: 0.5, upper: 0.7 }] })).toThrow(/policy figure from the article is never fitted/);
    expect(() => fitScenario(s, targets, { parameters: [{ ...p, lower: -5, upper: 9 }] })).toThrow(/outside the parameter's valid range/);
  });

  it('the objective is Σz² over targets', () => {
    const t = [
      { id: 'a', metric: 'x', low: 0, high: 2, unit: '', window: '', quote: '' },
      { id: 'b', metric: 'y', low: 10, high: 20, unit: '', window: '', quote: '' },
    ];
    expect(targetObjective(t, { x: 3, y: 15 })).toBe(4);
  });
});
