import { readFileSync } from 'node:fs';
import { parseCsv, type CsvRow } from '../core/csv.js';
import { yuanToFen } from '../core/money.js';
import { displayPath } from '../scenario/load.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.js';
import { allocateHouseholds, allocatePersons, type Population } from './columns.js';
import { CATEGORIES, ILLNESS_GROUPS } from './parameters.js';

/**
 * Loads a real roster instead of a synthetic population: two CSV files with the same
 * columns as the synthetic one.
 *
 * households.csv: id, subdistrict (1-based), category (dibao | marginal | specialHardship, or
 *   低保 | 低保边缘 | 特殊困难), size, incomeYuan (per month), illnessGroup (none | serious | mild |
 *   ordinaryDisability), assessmentScore (0–1)
 * persons.csv: householdId, age, chronicIllness (none | serious | mild), disabilityGrade (0 none, 1–10)
 *
 * Every bad cell is reported as `file:line:column` with the reason, all at once; nothing is
 * returned unless the whole roster is valid.
 */
export const HOUSEHOLD_COLUMNS = ['id', 'subdistrict', 'category', 'size', 'incomeYuan', 'illnessGroup', 'assessmentScore'] as const;
export const PERSON_COLUMNS = ['householdId', 'age', 'chronicIllness', 'disabilityGrade'] as const;

const CATEGORY_ALIASES: Record<string, number> = { ...Object.fromEntries(CATEGORIES.map((c, i) => [c, i])), 低保: 0, 低保边缘: 1, 特殊困难: 2 };
const ILLNESS_CODES: Record<string, number> = Object.fromEntries(ILLNESS_GROUPS.map((g, i) => [g, i]));
const CHRONIC_CODES: Record<string, number> = { none: 0, serious: 1, mild: 2 };
const MAX_ISSUES = 100;

class RowReader {
  constructor(
    private readonly file: string,
    private readonly columns: readonly string[],
    private readonly issues: ScenarioIssue[],
  ) {}

  private fail(row: CsvRow, col: number, problem: string, got: unknown, expected: string): undefined {
    if (this.issues.length < MAX_ISSUES) this.issues.push({ file: `${this.file}:${row.line}:${col + 1}`, path: this.columns[col] ?? `column ${col + 1}`, problem, got, expected });
    return undefined;
  }

  integer(row: CsvRow, col: number, min: number, max: number): number | undefined {
    const text = (row.cells[col] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isInteger(n)) return this.fail(row, col, 'not a whole number', text, `a whole number from ${min} to ${max}`);
    if (n < min || n > max) return this.fail(row, col, 'out of range', n, `a whole number from ${min} to ${max}`);
    return n;
  }

  number(row: CsvRow, col: number, min: number, max: number, what: string): number | undefined {
    const text = (row.cells[col] ?? '').trim();
    const n = Number(text);
    if (text === '' || !Number.isFinite(n)) return this.fail(row, col, 'not a number', text, what);
    if (n < min || n > max) return this.fail(row, col, n < 0 ? 'negative' : 'out of range', n, what);
    return n;
  }

  code(row: CsvRow, col: number, codes: Record<string, number>): number | undefined {
    const text = (row.cells[col] ?? '').trim();
    const c = Object.prototype.hasOwnProperty.call(codes, text) ? codes[text] : undefined;
    if (c === undefined) return this.fail(row, col, 'unknown category', text, `one of ${Object.keys(codes).join(', ')}`);
    return c;
  }

  header(rows: CsvRow[]): boolean {
    const header = rows[0]?.cells.map((c) => c.trim()) ?? [];
    if (header.join(',') !== this.columns.join(',')) {
      this.issues.push({ file: `${this.file}:1:1`, path: 'header', problem: 'wrong columns', got: header.join(','), expected: this.columns.join(',') });
      return false;
    }
    return true;
  }

  width(row: CsvRow): boolean {
    if (row.cells.length === this.columns.length) return true;
    this.fail(row, 0, 'wrong number of columns', row.cells.length, `${this.columns.length} columns`);
    return false;
  }
}

function readCsvFile(path: string, issues: ScenarioIssue[]): CsvRow[] {
  try {
    return parseCsv(readFileSync(path, 'utf8'), displayPath(path));
  } catch (e) {
    issues.push({ file: displayPath(path), path: '', problem: (e as Error).message });
    return [];
  }
}

export function loadRoster(householdsCsv: string, personsCsv: string): Population {
  const issues: ScenarioIssue[] = [];
  const hFile = displayPath(householdsCsv);
  const pFile = displayPath(personsCsv);
  const hRows = readCsvFile(householdsCsv, issues);
  const pRows = readCsvFile(personsCsv, issues);
  const hr = new RowReader(hFile, HOUSEHOLD_COLUMNS, issues);
  const pr = new RowReader(pFile, PERSON_COLUMNS, issues);
  if (issues.length || !hr.header(hRows) || !pr.header(pRows)) throw new ScenarioError(issues);

  const households = allocateHouseholds(hRows.length - 1);
  const indexById = new Map<number, number>();
  let subdistricts = 0;
  hRows.slice(1).forEach((row, h) => {
    if (!hr.width(row)) return;
    const id = hr.integer(row, 0, 1, 2_147_483_647);
    if (id !== undefined) {
      if (indexById.has(id)) issues.push({ file: `${hFile}:${row.line}:1`, path: 'id', problem: 'duplicate household id', got: id, expected: 'each id once' });
      indexById.set(id, h);
      households.id[h] = id;
    }
    const sub = hr.integer(row, 1, 1, 255);
    if (sub !== undefined) {
      households.subdistrict[h] = sub - 1;
      subdistricts = Math.max(subdistricts, sub);
    }
    households.category[h] = hr.code(row, 2, CATEGORY_ALIASES) ?? 0;
    households.size[h] = hr.integer(row, 3, 1, 255) ?? 0;
    const income = hr.number(row, 4, 0, 2e7, 'a monthly income in yuan, ≥ 0');
    if (income !== undefined) households.incomeFen[h] = yuanToFen(income);
    households.illnessGroup[h] = hr.code(row, 5, ILLNESS_CODES) ?? 0;
    households.assessmentScore[h] = hr.number(row, 6, 0, 1, 'a score from 0 to 1') ?? 0;
  });

  // Persons may come in any order; group them by household so each household's are contiguous.
  const personRows = pRows.slice(1).filter((row) => pr.width(row));
  const owner = new Int32Array(personRows.length).fill(-1);
  const counts = new Int32Array(households.count);
  personRows.forEach((row, k) => {
    const hid = pr.integer(row, 0, 1, 2_147_483_647);
    if (hid === undefined) return;
    const h = indexById.get(hid);
    if (h === undefined) {
      issues.push({ file: `${pFile}:${row.line}:1`, path: 'householdId', problem: 'person points to a missing household', got: hid, expected: `an id in ${hFile}` });
      return;
    }
    owner[k] = h;
    counts[h]!++;
  });
  for (let h = 0; h < households.count; h++) {
    if (counts[h] !== households.size[h] && households.size[h]! > 0) {
      issues.push({ file: `${hFile}:${hRows[h + 1]!.line}:4`, path: 'size', problem: 'size differs from the persons listed', got: households.size[h], expected: `${counts[h]} (persons in ${pFile})` });
    }
  }
  const persons = allocatePersons(personRows.length);
  let next = 0;
  for (let h = 0; h < households.count; h++) {
    households.firstPerson[h] = next;
    next += counts[h]!;
  }
  const fill = new Int32Array(households.count);
  personRows.forEach((row, k) => {
    const h = owner[k]!;
    const age = pr.integer(row, 1, 0, 120);
    const chronic = pr.code(row, 2, CHRONIC_CODES);
    const grade = pr.integer(row, 3, 0, 10);
    if (h < 0) return;
    const slot = households.firstPerson[h]! + fill[h]!++;
    persons.household[slot] = h;
    persons.age[slot] = age ?? 0;
    persons.chronicIllness[slot] = chronic ?? 0;
    persons.disabilityGrade[slot] = grade ?? 0;
  });
  if (issues.length) throw new ScenarioError(issues);
  return { households, persons, subdistricts: Math.max(1, subdistricts) };
}
