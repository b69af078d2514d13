import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../../src/population/generate.js';
import type { Households, Persons, Population } from '../../src/population/columns.js';
import type { ScenarioValues } from '../../src/scenario/catalogue.js';
import { baseline } from '../helpers/baseline.js';
import { populationOf, scaledBaseline } from './helpers.js';

const HOUSEHOLD_COLUMNS = ['id', 'subdistrict', 'category', 'size', 'firstPerson', 'incomeFen', 'illnessGroup', 'assessmentScore'] as const satisfies readonly (keyof Households)[];
const PERSON_COLUMNS = ['household', 'age', 'chronicIllness', 'disabilityGrade'] as const satisfies readonly (keyof Persons)[];

/**
 * Scenario values with these population parameters. Generation reads only `population`, so
 * the programmes' cross-checks (stores in existing subdistricts, insured ≤ special hardship)
 * are left out: they would reject populations the generator must still handle.
 */
function withPopulation(population: Partial<ScenarioValues['population']>): ScenarioValues {
  const values = structuredClone(baseline().values);
  return { ...values, population: { ...values.population, ...population } };
}

/** The columns of `a` and `b` whose bytes differ. */
function differingColumns(a: Population, b: Population): string[] {
  const same = (x: ArrayBufferView, y: ArrayBufferView) => Buffer.compare(Buffer.from(x.buffer, x.byteOffset, x.byteLength), Buffer.from(y.buffer, y.byteOffset, y.byteLength)) === 0;
  return [
    ...HOUSEHOLD_COLUMNS.filter((c) => a.households.count !== b.households.count || !same(a.households[c], b.households[c])).map((c) => `households.${c}`),
    ...PERSON_COLUMNS.filter((c) => a.persons.count !== b.persons.count || !same(a.persons[c], b.persons[c])).map((c) => `persons.${c}`),
  ];
}

describe('population generation is deterministic and keeps its kinds of draw apart', () => {
  const scenario = scaledBaseline(20_000);

  it('the same (seed, replication) gives the same population, byte for byte', () => {
    expect(differingColumns(populationOf(scenario, 7, 3), populationOf(scenario, 7, 3))).toEqual([]);
  });

  it('another replication or seed gives another population', () => {
    const a = populationOf(scenario, 7, 3);
    for (const b of [populationOf(scenario, 7, 4), populationOf(scenario, 8, 3)]) {
      expect(differingColumns(a, b)).toEqual(expect.arrayContaining(['households.size', 'households.incomeFen', 'households.illnessGroup', 'persons.age']));
    }
  });

  it('changing one category’s income spread moves only incomes and scores, of that category', () => {
    const a = populationOf(scenario);
    const b = populationOf(scaledBaseline(20_000, { 'population.specialHardship.incomeCv': 0.1 }));
    expect(differingColumns(a, b)).toEqual(['households.incomeFen', 'households.assessmentScore']);
    const firstSpecial = scenario.values.population.dibao.households + scenario.values.population.marginal.households;
    let moved = 0;
    for (let h = 0; h < a.households.count; h++) if (a.households.incomeFen[h] !== b.households.incomeFen[h]) moved = h < firstSpecial ? -Infinity : moved + 1;
    expect(moved).toBeGreaterThan(0.9 * scenario.values.population.specialHardship.households);
  });

  it('changing the age bands moves only ages; changing illness weights moves neither sizes nor ages', () => {
    const a = populationOf(scenario);
    expect(differingColumns(a, populationOf(scaledBaseline(20_000, { 'population.ageBandWeights': [0.3, 0.4, 0.3] })))).toEqual(['persons.age']);
    const ill = differingColumns(a, populationOf(scaledBaseline(20_000, { 'population.dibao.illnessGroupWeights': [0.5, 0.2, 0.2, 0.1] })));
    expect(ill).toEqual(expect.arrayContaining(['households.illnessGroup', 'persons.chronicIllness']));
    expect(ill).not.toContain('households.size');
    expect(ill).not.toContain('persons.age');
    expect(ill).not.toContain('households.incomeFen');
  });

  it('no households gives an empty population; no income spread gives the mean exactly', () => {
    const base = baseline().values.population;
    const none = (c: keyof typeof base & ('dibao' | 'marginal' | 'specialHardship')) => ({ ...base[c], households: 0 });
    const empty = generatePopulation(withPopulation({ dibao: none('dibao'), marginal: none('marginal'), specialHardship: none('specialHardship') }), 1, 0);
    expect(empty.households.count).toBe(0);
    expect(empty.persons.count).toBe(0);
    const flat = populationOf(scaledBaseline(20_000, { 'population.dibao.incomeCv': 0 }));
    const mean = flat.households.incomeFen[0]! / flat.households.size[0]!;
    expect(mean).toBe(100 * scenario.values.population.dibao.incomePerPersonYuan);
    for (let h = 0; h < 500; h++) expect(flat.households.incomeFen[h]).toBe(Math.round(mean * flat.households.size[h]!));
  });
});

describe('any population parameters give a well-formed population (property)', () => {
  const weights = (n: number) => fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 10, noNaN: true })), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0));
  const category = fc.record({
    households: fc.integer({ min: 0, max: 300 }),
    sizeWeights: weights(5),
    illnessGroupWeights: weights(4),
    incomePerPersonYuan: fc.double({ min: 0, max: 50_000, noNaN: true }),
    incomeCv: fc.double({ min: 0, max: 5, noNaN: true }),
  });

  it('sizes, groups, ages and incomes stay in range; zero weights are never drawn; one carrier per ill household', () => {
    fc.assert(
      fc.property(category, category, category, weights(3), fc.integer({ min: 1, max: 20 }), fc.nat(1000), (dibao, marginal, specialHardship, ageBandWeights, subdistricts, replication) => {
        const values = withPopulation({ ageBandWeights, subdistricts, subdistrictWeights: new Array<number>(subdistricts).fill(1), dibao, marginal, specialHardship });
        const cats = [dibao, marginal, specialHardship];
        const { households: hh, persons } = generatePopulation(values, 5, replication);
        let problems = 0;
        for (let h = 0; h < hh.count; h++) {
          const c = cats[hh.category[h]!]!;
          const size = hh.size[h]!;
          const group = hh.illnessGroup[h]!;
          if (!(c.sizeWeights[size - 1]! > 0) || !(c.illnessGroupWeights[group]! > 0) || hh.subdistrict[h]! >= subdistricts) problems++;
          if (!(hh.incomeFen[h]! >= 0) || !(hh.assessmentScore[h]! >= 0 && hh.assessmentScore[h]! <= 1)) problems++;
          let carriers = 0;
          for (let k = hh.firstPerson[h]!; k < hh.firstPerson[h]! + size; k++) {
            const a = persons.age[k]!;
            const band = a <= 17 ? 0 : a <= 59 ? 1 : 2;
            if (a > 95 || !(ageBandWeights[band]! > 0) || persons.household[k] !== h) problems++;
            if (persons.chronicIllness[k] || persons.disabilityGrade[k]) carriers++;
            if (persons.disabilityGrade[k]! > 10) problems++;
          }
          if (carriers !== (group === 0 ? 0 : 1)) problems++;
        }
        expect(problems).toBe(0);
      }),
      { numRuns: 100 },
    );
  });
});
