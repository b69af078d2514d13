import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parameterAt } from '../../src/scenario/catalogue.js';
import { baseline, runInsuranceOnly } from './helpers.js';

/** A row of data/targets.csv by id (the quote column may contain commas, so only the first fields are read). */
function target(id: string): { metric: string; low: number; high: number } {
  const line = readFileSync('data/targets.csv', 'utf8').split('\n').find((l) => l.startsWith(`${id},`));
  if (!line) throw new Error(`no target ${id}`);
  const [, metric, low, high] = line.split(',');
  return { metric: metric!, low: Number(low), high: Number(high) };
}

const NATIONAL_ADMISSIONS = 0.165; // per person-year, 2016 (EXTERNAL.md)

describe('the baseline reproduces the article (20 replications, seed 2016)', () => {
  const scenario = baseline();
  const runs = Array.from({ length: 20 }, (_, r) => runInsuranceOnly(scenario, 2016, r).metrics);
  const mean = (id: string) => runs.reduce((a, m) => a + m[id]!, 0) / runs.length;

  it('70% of the insured poor through illness get an insurer claim (target insurance.claimRate)', () => {
    const t = target('insurance.claimRate');
    expect(t.metric).toBe('insurance.claimRate.illnessPoor');
    const m = mean(t.metric);
    expect(m).toBeGreaterThanOrEqual(t.low);
    expect(m).toBeLessThanOrEqual(t.high);
  });

  it('the funding is 4.45 million (target insurance.funding), for 529 households', () => {
    const t = target('insurance.funding');
    for (const m of runs) {
      expect(m[t.metric]).toBeGreaterThanOrEqual(t.low);
      expect(m[t.metric]).toBeLessThanOrEqual(t.high);
      expect(m['insurance.households']).toBe(529);
    }
  });

  it('plausibility: the fitted admission rates against the national 16.5 per 100 persons', () => {
    const v = scenario.values.insurance.frequency;
    // Seriously ill (cancer, uraemia, …) are admitted many times more often than average, but not monthly.
    expect(v.serious.admissionsPerYear / NATIONAL_ADMISSIONS).toBeGreaterThan(4);
    expect(v.serious.admissionsPerYear / NATIONAL_ADMISSIONS).toBeLessThan(20);
    expect(v.mild.admissionsPerYear).toBeLessThan(v.serious.admissionsPerYear);
    expect(v.mild.admissionsPerYear).toBeGreaterThan(NATIONAL_ADMISSIONS);
    // The simulated members without the household's illness are admitted at about the national rate
    // (plus injuries treated as inpatients).
    const others = mean('insurance.admissionsPerPerson.otherMembers');
    expect(others).toBeGreaterThan(0.8 * NATIONAL_ADMISSIONS);
    expect(others).toBeLessThan(1.4 * NATIONAL_ADMISSIONS);
  });

  it('parameters tuned to the claim rate say so and carry fit bounds', () => {
    for (const g of ['serious', 'mild', 'ordinaryDisability']) {
      const spec = parameterAt(`insurance.frequency.${g}.admissionsPerYear`)!;
      expect(spec.source.kind).toBe('assumed');
      if (spec.source.kind === 'assumed' && spec.source.fit) {
        expect(spec.source.note).toMatch(/assumed; calibrated to target insurance.claimRate/);
        expect(spec.source.fit.targets).toContain('insurance.claimRate');
      }
    }
    const serious = parameterAt('insurance.frequency.serious.admissionsPerYear')!;
    expect(serious.source.kind === 'assumed' && serious.source.fit !== undefined).toBe(true);
  });
});
