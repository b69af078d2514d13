import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { randomStream } from '../../src/core/rng/stream.js';
import { gridDesign, latinHypercube, shardIndices, type Dimension } from '../../src/engine/sweep/design.js';
import { loadSweepFile, planSweep, type SweepInput } from '../../src/engine/sweep/spec.js';
import { ScenarioError, type ScenarioIssue } from '../../src/scenario/issues.js';
import { BASELINE_FILE, smallScenario } from './fixtures.js';

function issuesOf(f: () => unknown): ScenarioIssue[] {
  try {
    f();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues;
    throw e;
  }
  throw new Error('expected a ScenarioError');
}

const plan = (input: Omit<SweepInput, 'base'>) => planSweep({ base: smallScenario(), ...input });

describe('designs', () => {
  it('a grid has every combination once, the first dimension varying slowest', () => {
    const dims: Dimension[] = [
      { kind: 'levels', values: [1, 2] },
      { kind: 'levels', values: ['a', 'b', 'c'] },
    ];
    expect(gridDesign(dims)).toEqual([[1, 'a'], [1, 'b'], [1, 'c'], [2, 'a'], [2, 'b'], [2, 'c']]);
  });

  it('a Latin hypercube uses every stratum of every dimension exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 4 }), fc.integer(), (n, d, seed) => {
        const dims: Dimension[] = Array.from({ length: d }, () => ({ kind: 'interval', from: 0, to: 1, tidy: (x: number) => x }));
        const points = latinHypercube(dims, n, randomStream(seed, 0, 'engine', 'test'));
        expect(points.length).toBe(n);
        for (let k = 0; k < d; k++) {
          const strata = points.map((p) => Math.floor((p[k] as number) * n)).sort((a, b) => a - b);
          expect(strata).toEqual(Array.from({ length: n }, (_, i) => i));
        }
      }),
      { numRuns: 50 },
    );
  });

  it('a Latin hypercube over a list uses each value about equally often', () => {
    const points = latinHypercube([{ kind: 'levels', values: ['x', 'y', 'z'] }], 9, randomStream(1, 0, 'engine', 'test'));
    for (const v of ['x', 'y', 'z']) expect(points.filter((p) => p[0] === v).length).toBe(3);
  });

  it('shards partition the design', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 9 }), (total, n) => {
        const all = Array.from({ length: n }, (_, k) => shardIndices(total, k, n)).flat().sort((a, b) => a - b);
        expect(all).toEqual(Array.from({ length: total }, (_, i) => i));
      }),
    );
    expect(() => shardIndices(10, 3, 3)).toThrow(/shard/);
  });
});

describe('planSweep', () => {
  it('builds a grid from lists and ranges, rounding whole-number parameters', () => {
    const p = plan({ vary: { 'insurance.households': { from: 100, to: 200, steps: 3 }, 'supermarket.vegetables.cap': [80, 120] }, replications: 2, seed: 5, metrics: ['reach.none'] });
    expect(p.points).toEqual([
      { 'insurance.households': 100, 'supermarket.vegetables.cap': 80 },
      { 'insurance.households': 100, 'supermarket.vegetables.cap': 120 },
      { 'insurance.households': 150, 'supermarket.vegetables.cap': 80 },
      { 'insurance.households': 150, 'supermarket.vegetables.cap': 120 },
      { 'insurance.households': 200, 'supermarket.vegetables.cap': 80 },
      { 'insurance.households': 200, 'supermarket.vegetables.cap': 120 },
    ]);
    expect(p.paths).toEqual(['insurance.households', 'supermarket.vegetables.cap']);
    expect(p.replications).toBe(2);
    expect(p.seed).toBe(5);
  });

  it('an LHS over ranges draws valid values within the range, the same ones for the same seed', () => {
    const input = { design: { type: 'lhs' as const, n: 12 }, vary: { 'insurance.households': { from: 50, to: 400 }, 'supermarket.staples.priceFactor': { from: 0.5, to: 0.9 } }, seed: 3 };
    const a = plan(input);
    const b = plan(input);
    expect(a.points).toEqual(b.points);
    expect(a.fingerprint).toBe(b.fingerprint);
    for (const pt of a.points) {
      const h = pt['insurance.households'] as number;
      const f = pt['supermarket.staples.priceFactor'] as number;
      expect(Number.isInteger(h) && h >= 50 && h <= 400).toBe(true);
      expect(f >= 0.5 && f <= 0.9).toBe(true);
    }
    expect(plan({ ...input, seed: 4 }).points).not.toEqual(a.points);
  });

  it('defaults to every metric, and to the base scenario\'s seed and replications', () => {
    const p = plan({ vary: { 'insurance.households': [100] } });
    expect(p.metrics).toContain('reach.none');
    expect(p.seed).toBe(smallScenario().values.simulation.seed);
    expect(p.replications).toBe(smallScenario().values.simulation.replications);
  });

  it('reports every bad path, list and value before any work, naming path and value', () => {
    const issues = issuesOf(() =>
      plan({
        vary: {
          'supermarket.vegetables.kap': [100],
          'insurance.households': [],
          'supermarket.vegetables.cap': [100, -5],
          'supermarket.capBasis': { from: 1, to: 2, steps: 2 },
          'insurance.fundingYuan': { from: 0, to: 1e6 },
        },
        metrics: ['reach.nobody'],
      }),
    );
    const text = issues.map((i) => `${i.path} | ${i.problem} | ${JSON.stringify(i.got)}`);
    expect(text).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^vary\.supermarket\.vegetables\.kap \| unknown parameter path \| "supermarket\.vegetables\.kap"/),
        expect.stringMatching(/^vary\.insurance\.households \| empty list of values/),
        expect.stringMatching(/^vary\.supermarket\.vegetables\.cap\[1\] \| value fails the parameter's schema \| -5/),
        expect.stringMatching(/^vary\.supermarket\.capBasis \| a range needs a numeric parameter/),
        expect.stringMatching(/^vary\.insurance\.fundingYuan\.steps \| a range in a grid needs steps/),
        expect.stringMatching(/^metrics\[0\] \| unknown metric \| "reach\.nobody"/),
      ]),
    );
  });

  it('reports a design point that breaks a cross-parameter rule, naming the point and its values', () => {
    const issues = issuesOf(() => plan({ vary: { 'population.subdistricts': [13, 12] } }));
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]!.problem).toMatch(/design point 1 \(population\.subdistricts=12\)/);
    expect(issues[0]!.path).toBe('population.subdistrictWeights');
  });

  it('refuses repeated whole-number steps, bad designs and bad counts', () => {
    expect(issuesOf(() => plan({ vary: { 'insurance.households': { from: 1, to: 3, steps: 5 } } }))[0]!.problem).toMatch(/repeat/);
    expect(issuesOf(() => plan({ design: { type: 'lhs', n: 0 }, vary: { 'insurance.households': [1] } }))[0]!.path).toBe('design.n');
    expect(issuesOf(() => plan({ design: 'lhs', vary: { 'insurance.households': [1] } }))[0]!.path).toBe('design.n');
    expect(issuesOf(() => plan({ replications: 0, vary: { 'insurance.households': [1] } }))[0]!.path).toBe('replications');
    expect(issuesOf(() => plan({ vary: {} }))[0]!.path).toBe('vary');
  });
});

describe('loadSweepFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wuhou-sweep-'));
  const write = (name: string, text: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return file;
  };

  it('reads base (relative to the file), set, design, vary and metrics', () => {
    const file = write('ok.yaml', `name: t\nbase: ${resolve(BASELINE_FILE)}\nset:\n  population.dibao.households: 100\nreplications: 2\nseed: 9\ndesign: grid\nvary:\n  insurance.households: [10, 20]\nmetrics: [reach.none]\n`);
    const p = loadSweepFile(file);
    expect(p.name).toBe('t');
    expect(p.base.values.population.dibao.households).toBe(100);
    expect(p.points.length).toBe(2);
    expect(p.file).toBe(file);
  });

  it('names the file and the key for unknown keys and a missing base', () => {
    const issues = issuesOf(() => loadSweepFile(write('bad.yaml', `base: nowhere.yaml\nvarry: {}\n`)));
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['varry']));
    expect(issues.some((i) => i.problem === 'file not found')).toBe(true);
  });
});
