import { CsvError, csvEncoding, CSV_ENCODINGS, readCsvFile, type CsvEncoding } from '../core/csv.js';
import { yuanToFen } from '../core/money.js';
import { displayPath } from '../scenario/load.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.js';
import type { Households, Persons, Population } from './columns.js';
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
 * Both files are streamed row by row straight into typed columns, so a roster of millions
 * of rows never exists as text or as row objects. Every bad cell is reported as
 * `file:line:column` (column = the field's position, 1-based) with the reason, all at once
 * (up to MAX_ISSUES); nothing is returned unless the whole roster is valid.
 */
export const HOUSEHOLD_COLUMNS = ['id', 'subdistrict', 'category', 'size', 'incomeYuan', 'illnessGroup', 'assessmentScore'] as const;
export const PERSON_COLUMNS = ['householdId', 'age', 'chronicIllness', 'disabilityGrade'] as const;

export interface RosterOptions {
  /** Text encoding of both files: utf-8 (default, with or without BOM) or gb18030 (also gbk). */
  encoding?: string;
}

const CATEGORY_CODES: ReadonlyMap<string, number> = new Map([...CATEGORIES.map((c, i) => [c, i] as const), ['低保', 0], ['低保边缘', 1], ['特殊困难', 2]]);
const ILLNESS_CODES: ReadonlyMap<string, number> = new Map(ILLNESS_GROUPS.map((g, i) => [g, i] as const));
const CHRONIC_CODES: ReadonlyMap<string, number> = new Map([['none', 0], ['serious', 1], ['mild', 2]]);
/** After this many problems the rest are only counted: a wrong file would otherwise print millions. */
export const MAX_ISSUES = 100;
const MAX_ID = 2_147_483_647;

/**
 * A plain decimal number (sign, digits, optional fraction and exponent), or NaN for anything
 * else: no hex, no thousands separators, no "Infinity", no empty cell. Whole numbers of up
 * to 15 digits are read directly, which is most cells of a large roster.
 */
export function parseDecimal(text: string): number {
  const n = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) i++;
  const intStart = i;
  let whole = 0;
  for (; i < n; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
  }
  let digits = i - intStart;
  if (i === n) {
    if (digits === 0) return NaN;
    if (digits <= 15) return negative ? (whole === 0 ? 0 : -whole) : whole;
    return Number(text);
  }
  if (c === 46) {
    const fracStart = ++i;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
    digits += i - fracStart;
  }
  if (digits === 0) return NaN;
  if (i < n && (c === 101 || c === 69)) {
    i++;
    if (i < n && ((c = text.charCodeAt(i)) === 43 || c === 45)) i++;
    const expStart = i;
    while (i < n && (c = text.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === expStart) return NaN;
  }
  return i === n ? Number(text) : NaN;
}

/** Trims spaces (including the ideographic space U+3000) only when an end needs it. */
function trimmed(s: string): string {
  if (s.length === 0) return s;
  const a = s.charCodeAt(0);
  const b = s.charCodeAt(s.length - 1);
  return a <= 32 || b <= 32 || a > 126 || b > 126 ? s.trim() : s;
}

/** Collects problems, keeping the first MAX_ISSUES and counting the rest. */
class IssueList {
  readonly list: ScenarioIssue[] = [];
  private dropped = 0;

  add(issue: ScenarioIssue): void {
    if (this.list.length < MAX_ISSUES) this.list.push(issue);
    else this.dropped++;
  }

  get count(): number {
    return this.list.length + this.dropped;
  }

  throwIfAny(): void {
    if (!this.count) return;
    const all = this.dropped ? [...this.list, { file: this.list[0]!.file.replace(/:\d+(:\d+)?$/, ''), path: '', problem: `and ${this.dropped} more problems (only the first ${MAX_ISSUES} are listed)` }] : this.list;
    throw new ScenarioError(all);
  }
}

/** Reads typed cells of one CSV file, reporting each bad cell at file:line:column. */
class CellReader {
  constructor(
    readonly file: string,
    private readonly columns: readonly string[],
    private readonly issues: IssueList,
  ) {}

  fail(line: number, col: number, problem: string, got: unknown, expected: string): undefined {
    this.issues.add({ file: `${this.file}:${line}:${col + 1}`, path: this.columns[col] ?? `column ${col + 1}`, problem, got, expected });
    return undefined;
  }

  integer(cells: string[], line: number, col: number, min: number, max: number): number | undefined {
    const text = trimmed(cells[col]!);
    const n = parseDecimal(text);
    if (!Number.isInteger(n)) return this.fail(line, col, 'not a whole number', text, `a whole number from ${min} to ${max}`);
    if (n < min || n > max) return this.fail(line, col, 'out of range', n, `a whole number from ${min} to ${max}`);
    return n;
  }

  number(cells: string[], line: number, col: number, min: number, max: number, what: string): number | undefined {
    const text = trimmed(cells[col]!);
    const n = parseDecimal(text);
    if (!Number.isFinite(n)) return this.fail(line, col, 'not a number', text, what);
    if (n < min || n > max) return this.fail(line, col, n < 0 ? 'negative' : 'out of range', n, what);
    return n;
  }

  code(cells: string[], line: number, col: number, codes: ReadonlyMap<string, number>): number | undefined {
    const text = trimmed(cells[col]!);
    const c = codes.get(text);
    if (c === undefined) return this.fail(line, col, 'unknown category', text, `one of ${[...codes.keys()].join(', ')}`);
    return c;
  }

  /** True when the header names exactly the expected columns. */
  header(cells: string[], line: number): boolean {
    const got = cells.map((c) => c.trim()).join(',');
    if (got === this.columns.join(',')) return true;
    this.issues.add({ file: `${this.file}:${line}:1`, path: 'header', problem: 'wrong columns', got, expected: this.columns.join(',') });
    return false;
  }

  width(cells: string[], line: number): boolean {
    if (cells.length === this.columns.length) return true;
    this.fail(line, 0, 'wrong number of columns', cells.length, `${this.columns.length} columns`);
    return false;
  }
}

/** Spreadsheets export trailing blank rows as `,,,,`: treat them as empty lines. */
function isBlank(cells: string[]): boolean {
  for (const c of cells) if (trimmed(c) !== '') return false;
  return true;
}

type Column = Int32Array | Uint8Array | Float32Array;

/** The column with room for `n` slots (doubling, so appends cost O(1) on average). */
function ensure<T extends Column>(a: T, n: number): T {
  if (n <= a.length) return a;
  const b = new (a.constructor as new (length: number) => T)(Math.max(n, a.length * 2));
  (b as Int32Array).set(a as Int32Array);
  return b;
}

/** Household columns while reading, plus each row's line for later messages. */
class HouseholdBuilder {
  count = 0;
  id = new Int32Array(1024);
  subdistrict = new Uint8Array(1024);
  category = new Uint8Array(1024);
  size = new Uint8Array(1024);
  incomeFen = new Int32Array(1024);
  illnessGroup = new Uint8Array(1024);
  assessmentScore = new Float32Array(1024);
  line = new Int32Array(1024);

  /** Reserves the next slot and returns its index. */
  next(): number {
    const n = this.count + 1;
    if (n > this.id.length) {
      this.id = ensure(this.id, n);
      this.subdistrict = ensure(this.subdistrict, n);
      this.category = ensure(this.category, n);
      this.size = ensure(this.size, n);
      this.incomeFen = ensure(this.incomeFen, n);
      this.illnessGroup = ensure(this.illnessGroup, n);
      this.assessmentScore = ensure(this.assessmentScore, n);
      this.line = ensure(this.line, n);
    }
    return this.count++;
  }
}

/** Person rows while reading: the household index they belong to (−1 if none) and their cells. */
class PersonBuilder {
  count = 0;
  owner = new Int32Array(1024);
  age = new Uint8Array(1024);
  chronicIllness = new Uint8Array(1024);
  disabilityGrade = new Uint8Array(1024);

  next(): number {
    const n = this.count + 1;
    if (n > this.owner.length) {
      this.owner = ensure(this.owner, n);
      this.age = ensure(this.age, n);
      this.chronicIllness = ensure(this.chronicIllness, n);
      this.disabilityGrade = ensure(this.disabilityGrade, n);
    }
    return this.count++;
  }
}

/**
 * Household ids → row index without a hash map: the ids sorted, and for each rank the
 * row that holds it; lookups are a binary search.
 */
class IdIndex {
  private readonly sorted: Int32Array;
  private readonly rowOfRank: Int32Array;

  constructor(ids: Int32Array) {
    this.sorted = ids.slice().sort();
    this.rowOfRank = new Int32Array(ids.length).fill(-1);
    for (let h = 0; h < ids.length; h++) {
      const r = this.rank(ids[h]!);
      if (this.rowOfRank[r] === -1) this.rowOfRank[r] = h;
    }
  }

  /** Ids present more than once (0 marks rows whose id was invalid and is skipped). */
  duplicates(): Set<number> {
    const dups = new Set<number>();
    for (let r = 1; r < this.sorted.length; r++) if (this.sorted[r] === this.sorted[r - 1] && this.sorted[r] !== 0) dups.add(this.sorted[r]!);
    return dups;
  }

  /** The row of household `id`, or −1. */
  rowOf(id: number): number {
    const r = this.rank(id);
    return r < this.sorted.length && this.sorted[r] === id ? this.rowOfRank[r]! : -1;
  }

  private rank(id: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.sorted[mid]! < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/**
 * Streams one file's data rows to `onData` after checking its header; file-level failures
 * become issues. Returns false when the file could not be read as a whole.
 */
function streamRows(path: string, reader: CellReader, encoding: CsvEncoding, issues: IssueList, onData: (cells: string[], line: number) => void): boolean {
  let headerSeen = false;
  let headerOk = false;
  try {
    readCsvFile(
      path,
      reader.file,
      (cells, line) => {
        if (!headerSeen) {
          headerSeen = true;
          headerOk = reader.header(cells, line);
          return;
        }
        if (headerOk && !isBlank(cells) && reader.width(cells, line)) onData(cells, line);
      },
      { encoding },
    );
  } catch (e) {
    issues.add(fileProblem(e, reader.file));
    return false;
  }
  if (!headerSeen) issues.add({ file: reader.file, path: 'header', problem: 'empty file', expected: 'a header line, then one row per record' });
  return headerOk;
}

/** Turns a read failure into an issue the user can act on. */
function fileProblem(e: unknown, file: string): ScenarioIssue {
  if (e instanceof CsvError) return { file: `${file}${e.line > 0 ? `:${e.line}` : ''}${e.column === undefined ? '' : `:${e.column}`}`, path: '', problem: e.reason };
  const code = (e as NodeJS.ErrnoException).code;
  const problem =
    code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : code === 'EACCES' || code === 'EPERM' ? 'cannot read the file: permission denied' : undefined;
  if (!problem) throw e;
  return { file, path: '', problem };
}

/** Reads households.csv into columns; returns the builder (rows with bad cells are reported). */
function readHouseholds(path: string, encoding: CsvEncoding, issues: IssueList): { hb: HouseholdBuilder; subdistricts: number; ok: boolean } {
  const reader = new CellReader(displayPath(path), HOUSEHOLD_COLUMNS, issues);
  const hb = new HouseholdBuilder();
  let subdistricts = 0;
  const ok = streamRows(path, reader, encoding, issues, (cells, line) => {
    const h = hb.next();
    hb.line[h] = line;
    hb.id[h] = reader.integer(cells, line, 0, 1, MAX_ID) ?? 0;
    const sub = reader.integer(cells, line, 1, 1, 255);
    if (sub !== undefined) {
      hb.subdistrict[h] = sub - 1;
      if (sub > subdistricts) subdistricts = sub;
    }
    hb.category[h] = reader.code(cells, line, 2, CATEGORY_CODES) ?? 0;
    hb.size[h] = reader.integer(cells, line, 3, 1, 255) ?? 0;
    const income = reader.number(cells, line, 4, 0, 2e7, 'a monthly income in yuan, ≥ 0');
    if (income !== undefined) hb.incomeFen[h] = yuanToFen(income);
    hb.illnessGroup[h] = reader.code(cells, line, 5, ILLNESS_CODES) ?? 0;
    hb.assessmentScore[h] = reader.number(cells, line, 6, 0, 1, 'a score from 0 to 1') ?? 0;
  });
  return { hb, subdistricts, ok };
}

/** Reports every repeat of an id after its first row. */
function reportDuplicates(hb: HouseholdBuilder, index: IdIndex, file: string, issues: IssueList): void {
  const dups = index.duplicates();
  if (!dups.size) return;
  const seen = new Set<number>();
  for (let h = 0; h < hb.count; h++) {
    const id = hb.id[h]!;
    if (!dups.has(id)) continue;
    if (seen.has(id)) issues.add({ file: `${file}:${hb.line[h]}:1`, path: 'id', problem: 'duplicate household id', got: id, expected: 'each id once' });
    seen.add(id);
  }
}

/** Reads persons.csv; `checkOwners` is false when the households could not be read, to avoid one complaint per person. */
function readPersons(path: string, encoding: CsvEncoding, index: IdIndex, householdsFile: string, checkOwners: boolean, issues: IssueList): { pb: PersonBuilder; ok: boolean } {
  const reader = new CellReader(displayPath(path), PERSON_COLUMNS, issues);
  const pb = new PersonBuilder();
  const ok = streamRows(path, reader, encoding, issues, (cells, line) => {
    const k = pb.next();
    const hid = reader.integer(cells, line, 0, 1, MAX_ID);
    let owner = -1;
    if (hid !== undefined) {
      owner = index.rowOf(hid);
      if (owner < 0 && checkOwners) reader.fail(line, 0, 'person points to a missing household', hid, `an id in ${householdsFile}`);
    }
    pb.owner[k] = owner;
    pb.age[k] = reader.integer(cells, line, 1, 0, 120) ?? 0;
    pb.chronicIllness[k] = reader.code(cells, line, 2, CHRONIC_CODES) ?? 0;
    pb.disabilityGrade[k] = reader.integer(cells, line, 3, 0, 10) ?? 0;
  });
  return { pb, ok };
}

/** Exact-length copies of the builder's columns: the population's households. */
function finishHouseholds(hb: HouseholdBuilder): Households {
  const n = hb.count;
  return {
    count: n,
    id: hb.id.slice(0, n),
    subdistrict: hb.subdistrict.slice(0, n),
    category: hb.category.slice(0, n),
    size: hb.size.slice(0, n),
    firstPerson: new Int32Array(n),
    incomeFen: hb.incomeFen.slice(0, n),
    illnessGroup: hb.illnessGroup.slice(0, n),
    assessmentScore: hb.assessmentScore.slice(0, n),
  };
}

/** Persons grouped by household (a counting sort), so household h owns a contiguous run. */
function groupPersons(pb: PersonBuilder, households: Households, counts: Int32Array): Persons {
  let next = 0;
  for (let h = 0; h < households.count; h++) {
    households.firstPerson[h] = next;
    next += counts[h]!;
  }
  const persons: Persons = { count: next, household: new Int32Array(next), age: new Uint8Array(next), chronicIllness: new Uint8Array(next), disabilityGrade: new Uint8Array(next) };
  const fill = new Int32Array(households.count);
  for (let k = 0; k < pb.count; k++) {
    const h = pb.owner[k]!;
    if (h < 0) continue;
    const slot = households.firstPerson[h]! + fill[h]!++;
    persons.household[slot] = h;
    persons.age[slot] = pb.age[k]!;
    persons.chronicIllness[slot] = pb.chronicIllness[k]!;
    persons.disabilityGrade[slot] = pb.disabilityGrade[k]!;
  }
  return persons;
}

/** Loads and checks a roster (see the file comment). Throws ScenarioError listing every problem. */
export function loadRoster(householdsCsv: string, personsCsv: string, options: RosterOptions = {}): Population {
  const encoding = csvEncoding(options.encoding ?? 'utf-8');
  if (!encoding) throw new ScenarioError([{ file: '--encoding', path: '', problem: 'unsupported encoding', got: options.encoding, expected: `${CSV_ENCODINGS.join(' or ')} (gbk is read as gb18030)` }]);
  const issues = new IssueList();
  const hFile = displayPath(householdsCsv);
  const pFile = displayPath(personsCsv);
  const { hb, subdistricts, ok } = readHouseholds(householdsCsv, encoding, issues);
  const index = new IdIndex(hb.id.subarray(0, hb.count));
  reportDuplicates(hb, index, hFile, issues);
  const { pb, ok: personsOk } = readPersons(personsCsv, encoding, index, hFile, ok, issues);

  const counts = new Int32Array(hb.count);
  for (let k = 0; k < pb.count; k++) if (pb.owner[k]! >= 0) counts[pb.owner[k]!]!++;
  // Sizes are compared with the persons only when both files could be read.
  for (let h = 0; h < hb.count && ok && personsOk; h++) {
    if (counts[h] !== hb.size[h] && hb.size[h]! > 0) {
      issues.add({ file: `${hFile}:${hb.line[h]}:4`, path: 'size', problem: 'size differs from the persons listed', got: hb.size[h], expected: `${counts[h]} (persons in ${pFile})` });
    }
  }
  issues.throwIfAny();
  const households = finishHouseholds(hb);
  const persons = groupPersons(pb, households, counts);
  return { households, persons, subdistricts: Math.max(1, subdistricts) };
}
