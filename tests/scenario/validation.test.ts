import { describe, expect, it } from 'vitest';
import { formatIssue, ScenarioError } from '../../src/scenario/issues.js';
import { loadScenario, validateScenarioFiles, withOverrides } from '../../src/scenario/load.js';

const F = 'tests/fixtures/scenarios';
const messages = (file: string) => validateScenarioFiles([`${F}/${file}`]).map(formatIssue);

describe('scenario files', () => {
  it('the baseline holds the article values, with the cap basis explicit', () => {
    const s = loadScenario('scenarios/baseline-2016.yaml');
    expect(s.values.supermarket.vegetables).toEqual({ priceFactor: 0.6, cap: 100 });
    expect(s.values.supermarket.staples).toEqual({ priceFactor: 0.8, cap: 200 });
    expect(s.values.supermarket.subsidy.monthlyYuan).toBe(60);
    expect(s.values.insurance.households).toBe(529);
    expect(s.values.insurance.fundingYuan).toBe(4_450_000);
  });

  it('extends another file and overrides by dotted path, keeping notes and origins', () => {
    const s = loadScenario(`${F}/reform-cap-150.yaml`);
    expect(s.values.supermarket.vegetables.cap).toBe(150);
    expect(s.values.supermarket.staples.cap).toBe(250);
    expect(s.values.supermarket.vegetables.priceFactor).toBe(0.6);
    expect(s.notes['supermarket.vegetables.cap']).toBe('Reform A raises the vegetable cap');
    expect(s.origins['supermarket.vegetables.cap']).toMatch(/reform-cap-150\.yaml$/);
    expect(s.origins['supermarket.vegetables.priceFactor']).toMatch(/baseline-2016\.yaml$/);
  });

  it('applies --set overrides after the files', () => {
    const s = loadScenario('scenarios/baseline-2016.yaml', { set: ['supermarket.vegetables.cap=150', 'population.subdistrictWeights=[1,1,1,1,1,1,1,1,1,1,1,1,2]'] });
    expect(s.values.supermarket.vegetables.cap).toBe(150);
    expect(s.values.population.subdistrictWeights[12]).toBe(2);
    expect(s.origins['supermarket.vegetables.cap']).toBe('--set');
  });

  it('reports every problem of a file at once, each naming file, path, value and expectation', () => {
    const m = messages('bad-many.yaml');
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-many\.yaml: supermarket\.vegetables\.capp: unknown key \(expected one of priceFactor, cap under supermarket\.vegetables\)/),
        expect.stringMatching(/bad-many\.yaml: supermarket\.vegetables\.priceFactor: out of range \(got 1\.4, expected a number > 0 and ≤ 1\)/),
        expect.stringMatching(/bad-many\.yaml: supermarket\.staples\.cap: wrong type \(got "lots", expected a number ≥ 0\)/),
        expect.stringMatching(/bad-many\.yaml: supermarket\.subsidy\.monthlyYuan: out of range \(got -60, expected a number ≥ 0\)/),
      ]),
    );
    expect(m).toHaveLength(4);
  });

  it('rejects a wrong unit', () => {
    expect(messages('bad-unit.yaml')).toEqual([expect.stringMatching(/supermarket\.vegetables\.cap\.unit: wrong unit \(got "fen", expected yuan\/month\)/)]);
  });

  it('rejects an extends to a missing file, and extends cycles', () => {
    expect(messages('bad-extends-missing.yaml')).toEqual([expect.stringMatching(/bad-extends-missing\.yaml: extends: file not found \(got .*no-such-file\.yaml/)]);
    expect(messages('bad-cycle-a.yaml')).toEqual([expect.stringMatching(/extends: extends cycle \(got ".*bad-cycle-a\.yaml → .*bad-cycle-b\.yaml → .*bad-cycle-a\.yaml"/)]);
  });

  it('reports YAML syntax errors with line and column', () => {
    expect(messages('bad-syntax.yaml')[0]).toMatch(/bad-syntax\.yaml:\d+:\d+: \(top level\): YAML syntax/);
  });

  it('lists every missing parameter when there is no extends', () => {
    const m = messages('bad-incomplete.yaml');
    expect(m).toEqual(expect.arrayContaining([expect.stringMatching(/bad-incomplete\.yaml: simulation\.start: missing parameter \(expected a month written YYYY-MM\)/)]));
    expect(m.some((x) => x.includes('supermarket.vegetables.cap:'))).toBe(false);
  });

  it('rejects NaN and infinities, and list lengths that disagree with another parameter', () => {
    const m = messages('bad-nan.yaml');
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/supermarket\.vegetables\.cap: wrong type \(got null|NaN/),
        expect.stringMatching(/supermarket\.staples\.cap: .*expected a number ≥ 0/),
      ]),
    );
    const weights = validateScenarioFiles([`${F}/reform-cap-150.yaml`]);
    expect(weights).toEqual([]);
    expect(() => loadScenario('scenarios/baseline-2016.yaml', { set: ['population.subdistrictWeights=[1,1,1]'] })).toThrow(/population\.subdistrictWeights: one weight per subdistrict \(got "3 weights", expected 13 weights\)/);
  });

  it('bounds YAML alias expansion (no billion-laughs)', () => {
    expect(messages('bad-alias-bomb.yaml').join('\n')).toMatch(/alias|unknown key/i);
  });

  it('refuses prototype paths and never pollutes Object.prototype', () => {
    const m = messages('bad-proto.yaml');
    expect(m.length).toBeGreaterThan(0);
    expect(() => loadScenario('scenarios/baseline-2016.yaml', { set: ['__proto__.polluted=1'] })).toThrow(ScenarioError);
    expect(() => loadScenario('scenarios/baseline-2016.yaml', { set: ['supermarket.constructor.prototype.x=1'] })).toThrow(/forbidden segment/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects an unknown --set path and a malformed override', () => {
    expect(() => loadScenario('scenarios/baseline-2016.yaml', { set: ['supermarket.vegetable.cap=1'] })).toThrow(/--set: supermarket\.vegetable\.cap: unknown key \(expected one of vegetables, staples, subsidy/);
    expect(() => loadScenario('scenarios/baseline-2016.yaml', { set: ['novalue'] })).toThrow(/an override is path=value/);
  });

  it('withOverrides validates, and leaves the original untouched', () => {
    const base = loadScenario('scenarios/baseline-2016.yaml');
    const r = withOverrides(base, { 'supermarket.vegetables.cap': 150 });
    expect(r.values.supermarket.vegetables.cap).toBe(150);
    expect(base.values.supermarket.vegetables.cap).toBe(100);
    expect(() => withOverrides(base, { 'supermarket.vegetables.cap': -1 })).toThrow(/supermarket\.vegetables\.cap: out of range \(got -1/);
  });
});
