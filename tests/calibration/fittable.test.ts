import { describe, expect, it } from 'vitest';
import { checkFitParameters, fittableParameters } from '../../src/calibration/fittable.js';
import { planFitGroups } from '../../src/calibration/fitGroups.js';
import { loadModelTargets } from '../../src/calibration/modelTargets.js';
import { parameterAt } from '../../src/scenario/catalogue.js';
import { getPath } from '../../src/scenario/paths.js';
import { assumed } from '../../src/scenario/provenance.js';
import { baseline } from './helpers.js';

describe('the catalogue\'s fittable parameters', () => {
  const params = fittableParameters();
  const targets = loadModelTargets();

  it('are assumed number parameters with valid bounds, fitted to targets of data/targets.csv', () => {
    expect(() => checkFitParameters(params, new Set(targets.map((t) => t.id)))).not.toThrow();
  });

  it('say in their note which target they are calibrated to', () => {
    for (const p of params) {
      const src = parameterAt(p.path)!.source;
      const note = src.kind === 'assumed' ? src.note : '';
      expect(note, p.path).toMatch(/calibrated to target/);
    }
  });

  it('have their baseline value inside their fit bounds', () => {
    const s = baseline();
    for (const p of params) {
      const v = getPath(s.values, p.path) as number;
      expect(v >= p.lower && v <= p.upper, `${p.path} = ${v} outside ${p.lower}..${p.upper}`).toBe(true);
    }
  });

  it('lower above upper is refused where bounds are declared', () => {
    expect(() => assumed('x', { lower: 2, upper: 1, targets: ['t'] })).toThrow(/lower 2 is above upper 1/);
  });
});

describe('fit groups', () => {
  it('join parameters that share a target, directly or through another parameter', () => {
    const p = (path: string, targets: string[]) => ({ path, lower: 0, upper: 1, targets, integer: false });
    const groups = planFitGroups([p('a', ['t1']), p('b', ['t2']), p('c', ['t1', 't3']), p('d', ['t3']), p('e', ['t4'])]);
    expect(groups.map((g) => g.parameters.map((q) => q.path))).toEqual([['a', 'c', 'd'], ['b'], ['e']]);
    expect(groups[0]!.targets).toEqual(['t1', 't3']);
  });
});
