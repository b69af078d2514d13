import { describe, expect, it } from 'vitest';
import { loadRoster } from '../../src/population/roster.js';
import { formatIssue, ScenarioError } from '../../src/scenario/issues.js';

const F = 'tests/fixtures/roster';

function issuesOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ScenarioError) return e.issues.map(formatIssue);
    throw e;
  }
  return [];
}

describe('roster CSV', () => {
  it('loads households and persons (BOM, CRLF, empty lines, Chinese categories, persons in any order)', () => {
    const p = loadRoster(`${F}/households.csv`, `${F}/persons.csv`);
    expect(p.households.count).toBe(3);
    expect(p.persons.count).toBe(6);
    expect([...p.households.category]).toEqual([0, 2, 1]);
    expect([...p.households.incomeFen]).toEqual([86000, 90000, 150000]);
    expect(p.subdistricts).toBe(13);
    // Household 3 (index 2) owns persons 3..5, contiguous.
    expect(p.households.firstPerson[2]).toBe(3);
    expect([...p.persons.household]).toEqual([0, 0, 1, 2, 2, 2]);
    expect(p.persons.disabilityGrade[2]).toBe(3);
  });

  it('reports duplicate ids, unknown categories, negative and non-numeric money with file:line:column', () => {
    const m = issuesOf(() => loadRoster(`${F}/bad-dup-households.csv`, `${F}/persons.csv`));
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-dup-households\.csv:3:1: id: duplicate household id \(got 1/),
        expect.stringMatching(/bad-dup-households\.csv:3:3: category: unknown category \(got "rich"/),
        expect.stringMatching(/bad-dup-households\.csv:3:5: incomeYuan: negative \(got -5/),
        expect.stringMatching(/bad-dup-households\.csv:4:5: incomeYuan: not a number \(got "abc"/),
      ]),
    );
  });

  it('reports wrong column counts, persons of missing households, bad ages and grades', () => {
    const m = issuesOf(() => loadRoster(`${F}/households.csv`, `${F}/bad-persons.csv`));
    expect(m).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/bad-persons\.csv:3:1: householdId: wrong number of columns \(got 3, expected 4 columns\)/),
        expect.stringMatching(/bad-persons\.csv:4:1: householdId: person points to a missing household \(got 9/),
        expect.stringMatching(/bad-persons\.csv:5:2: age: out of range \(got -4/),
        expect.stringMatching(/bad-persons\.csv:5:3: chronicIllness: unknown category \(got "sometimes"/),
        expect.stringMatching(/bad-persons\.csv:5:4: disabilityGrade: out of range \(got 11/),
      ]),
    );
  });

  it('reads a quoted field with a comma as one cell, and rejects it as money', () => {
    const m = issuesOf(() => loadRoster(`${F}/bad-households.csv`, `${F}/persons.csv`));
    expect(m).toEqual(expect.arrayContaining([expect.stringMatching(/bad-households\.csv:4:5: incomeYuan: not a number \(got "1,500"/)]));
  });
});
