import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROGRAMMES } from '../../src/core/accounts.js';
import { parseCsv } from '../../src/core/csv.js';
import { householdMicrodata, incomeDeciles, microdataCsv, microdataTable } from '../../src/engine/microdata.js';
import { runReplication } from '../../src/engine/simulate.js';
import { smallScenario } from './fixtures.js';

describe('incomeDeciles', () => {
  it('puts each household in a tenth from 1 to 10, never a richer one below a poorer one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 300 }), (rows) => {
        const income = rows.map((r) => r[0]);
        const size = rows.map((r) => r[1]);
        const d = incomeDeciles(income, size);
        for (let i = 0; i < rows.length; i++) {
          expect(d[i]).toBeGreaterThanOrEqual(1);
          expect(d[i]).toBeLessThanOrEqual(10);
          for (let j = 0; j < rows.length; j++) if (income[i]! / size[i]! < income[j]! / size[j]!) expect(d[i]).toBeLessThanOrEqual(d[j]!);
        }
      }),
      { numRuns: 60 },
    );
  });
  it('makes equal tenths when incomes are distinct', () => {
    const n = 1000;
    const d = incomeDeciles(Array.from({ length: n }, (_, i) => (i * 7919) % n), new Array(n).fill(1));
    const counts = new Array(11).fill(0);
    for (const x of d) counts[x]++;
    expect(counts.slice(1)).toEqual(new Array(10).fill(100));
  });
  it('handles no households', () => {
    expect(incomeDeciles([], []).length).toBe(0);
  });
});

describe('microdata', () => {
  const scenario = smallScenario();
  const seed = scenario.values.simulation.seed;
  const rep = runReplication(scenario, seed, 0);
  const m = householdMicrodata(scenario, { seed, replication: 0 });

  it('has one row per household, and totals that add up to the programmes and the ledger-side metrics', () => {
    expect(m.count).toBe(rep.population.households.count);
    let total = 0;
    for (let h = 0; h < m.count; h++) {
      const sum = PROGRAMMES.reduce((s, p) => s + m.benefitYuan[p][h]!, 0);
      expect(m.totalBenefitYuan[h]).toBeCloseTo(sum, 6);
      expect(m.programmes[h]).toBe(PROGRAMMES.reduce((s, p) => s + m.enrolled[p][h]!, 0));
      total += m.totalBenefitYuan[h]!;
      expect(m.totalBenefitYuan[h]).toBeGreaterThanOrEqual(0);
    }
    expect(total).toBeGreaterThan(0);
    let none = 0;
    for (let h = 0; h < m.count; h++) if (m.programmes[h] === 0) none++;
    expect(none).toBe(rep.metrics['reach.none']);
  });

  it('turns into a table and CSV without loss', () => {
    const table = microdataTable(m);
    for (const col of Object.values(table)) expect(col.length).toBe(m.count);
    expect(table.category).toContain('dibao');
    expect(Object.keys(table)).toEqual(expect.arrayContaining(['household', 'incomeDecile', 'benefit.total', ...PROGRAMMES.map((p) => `benefit.${p}`), ...PROGRAMMES.map((p) => `enrolled.${p}`)]));
    const rows = parseCsv(microdataCsv(m));
    expect(rows.length).toBe(m.count + 1);
    expect(rows[0]!.cells).toEqual(Object.keys(table));
    const col = rows[0]!.cells.indexOf('benefit.total');
    for (let h = 0; h < m.count; h += 97) expect(Number(rows[h + 1]!.cells[col])).toBe(m.totalBenefitYuan[h]);
  });
});
