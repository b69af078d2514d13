import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOUSEHOLD_COLUMNS, loadRoster, MAX_ISSUES, parseDecimal, PERSON_COLUMNS } from '../../src/population/roster.js';
import { messagesOf, tempDir } from './helpers.js';

/**
 * Roster hardening (issue 10, item 2): encodings, line ends, quoting, blank rows, and every
 * rejection located as file:line:column with its reason.
 */

const F = 'tests/fixtures/reliability';
const { dir, cleanup } = tempDir('roster');
afterAll(cleanup);

const H_HEADER = HOUSEHOLD_COLUMNS.join(',');
const P_HEADER = PERSON_COLUMNS.join(',');
let n = 0;
/** Writes a households and a persons file from lines (headers added); returns their paths. */
function roster(households: string[], persons: string[], eol = '\n'): [string, string] {
  const h = join(dir, `h${n}.csv`);
  const p = join(dir, `p${n++}.csv`);
  writeFileSync(h, [H_HEADER, ...households].join(eol) + eol);
  writeFileSync(p, [P_HEADER, ...persons].join(eol) + eol);
  return [h, p];
}
const problems = (files: [string, string], encoding?: string) => messagesOf(() => loadRoster(files[0], files[1], encoding ? { encoding } : {}));

describe('roster encodings and layout', () => {
  it('reads a GB18030 roster (--encoding gb18030) exactly as its UTF-8 twin', () => {
    const utf8 = loadRoster(`${F}/households-utf8.csv`, `${F}/persons-utf8.csv`);
    const gb = loadRoster(`${F}/households-gb18030.csv`, `${F}/persons-gb18030.csv`, { encoding: 'gb18030' });
    const gbk = loadRoster(`${F}/households-gb18030-bom.csv`, `${F}/persons-gb18030.csv`, { encoding: 'GBK' });
    expect(gb).toEqual(utf8);
    expect(gbk).toEqual(utf8);
    expect([...utf8.households.category]).toEqual([0, 2, 1]);
    expect(utf8.persons.count).toBe(6);
  });

  it('tells the user to add --encoding gb18030 when a GB18030 file is read as UTF-8', () => {
    expect(problems([`${F}/households-gb18030.csv`, `${F}/persons-gb18030.csv`])).toEqual([
      expect.stringMatching(/households-gb18030\.csv:2:5: \(top level\): not valid UTF-8 text \(if it was saved as GB18030\/GBK, add --encoding gb18030\)/),
    ]);
  });

  it('refuses an encoding it does not know', () => {
    expect(problems([`${F}/households-utf8.csv`, `${F}/persons-utf8.csv`], 'latin1')).toEqual(['--encoding: (top level): unsupported encoding (got "latin1", expected utf-8 or gb18030 (gbk is read as gb18030))']);
  });

  it('accepts CRLF, CR, quoted cells, padded cells, empty lines and blank spreadsheet rows', () => {
    for (const eol of ['\n', '\r\n', '\r']) {
      const files = roster(['1,1,"dibao",2, 860 ,none,0.3', '', ',,,,,,', '2,13,"低保边缘",1,"1500",mild,.5', '  ,  ,,,,,'], ['"1",70,serious,0', '', '1,68,none,0', '2,5,none,10'], eol);
      const p = loadRoster(...files);
      expect(p.households.count).toBe(2);
      expect([...p.households.incomeFen]).toEqual([86000, 150000]);
      expect(p.households.assessmentScore[1]).toBe(0.5);
      expect([...p.persons.household]).toEqual([0, 0, 1]);
    }
  });

  it('an empty roster (headers only) is a population of zero households', () => {
    const p = loadRoster(...roster([], []));
    expect(p.households.count).toBe(0);
    expect(p.persons.count).toBe(0);
    expect(p.subdistricts).toBe(1);
  });
});

describe('roster rejections, each at file:line:column with the reason', () => {
  const ok = ['1,1,dibao,1,860,none,0.3'];
  const okP = ['1,70,none,0'];

  it.each([
    ['a duplicate household id', ['1,1,dibao,1,860,none,0.3', '2,1,dibao,1,860,none,0.3', '1,2,dibao,1,10,none,0.3'], ['1,70,none,0', '2,1,none,0'], /h\d+\.csv:4:1: id: duplicate household id \(got 1, expected each id once\)/],
    ['non-numeric money', ['1,1,dibao,1,abc,none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: not a number \(got "abc", expected a monthly income in yuan, ≥ 0\)/],
    ['money with a thousands separator', ['1,1,dibao,1,"1,500",none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: not a number \(got "1,500"/],
    ['money in hex', ['1,1,dibao,1,0x10,none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: not a number \(got "0x10"/],
    ['infinite money', ['1,1,dibao,1,Infinity,none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: not a number \(got "Infinity"/],
    ['negative money', ['1,1,dibao,1,-0.01,none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: negative \(got -0\.01, expected a monthly income in yuan, ≥ 0\)/],
    ['money beyond the column', ['1,1,dibao,1,30000000,none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: out of range \(got 30000000/],
    ['an empty money cell', ['1,1,dibao,1,,none,0.3'], okP, /h\d+\.csv:2:5: incomeYuan: not a number \(got ""/],
    ['an unknown category', ['1,1,rich,1,860,none,0.3'], okP, /h\d+\.csv:2:3: category: unknown category \(got "rich", expected one of dibao, marginal, specialHardship, 低保, 低保边缘, 特殊困难\)/],
    ['an unknown illness group', ['1,1,dibao,1,860,cold,0.3'], okP, /h\d+\.csv:2:6: illnessGroup: unknown category \(got "cold", expected one of none, serious, mild, ordinaryDisability\)/],
    ['a prototype key as a category', ['1,1,__proto__,1,860,toString,0.3'], okP, /h\d+\.csv:2:3: category: unknown category \(got "__proto__"/],
    ['too many columns', ['1,1,dibao,1,860,none,0.3,extra'], okP, /h\d+\.csv:2:1: id: wrong number of columns \(got 8, expected 7 columns\)/],
    ['too few columns', ['1,1,dibao,1,860'], okP, /h\d+\.csv:2:1: id: wrong number of columns \(got 5, expected 7 columns\)/],
    ['an id that is not whole', ['1.5,1,dibao,1,860,none,0.3'], okP, /h\d+\.csv:2:1: id: not a whole number \(got "1\.5", expected a whole number from 1 to 2147483647\)/],
    ['an id beyond 32 bits', ['2147483648,1,dibao,1,860,none,0.3'], okP, /h\d+\.csv:2:1: id: out of range \(got 2147483648/],
    ['subdistrict 0', ['1,0,dibao,1,860,none,0.3'], okP, /h\d+\.csv:2:2: subdistrict: out of range \(got 0, expected a whole number from 1 to 255\)/],
    ['a score above 1', ['1,1,dibao,1,860,none,1.2'], okP, /h\d+\.csv:2:7: assessmentScore: out of range \(got 1\.2, expected a score from 0 to 1\)/],
    ['a size that disagrees with the persons', ['1,1,dibao,2,860,none,0.3'], okP, /h\d+\.csv:2:4: size: size differs from the persons listed \(got 2, expected 1 \(persons in .*p\d+\.csv\)\)/],
    ['a person of a missing household', ok, ['1,70,none,0', '9,30,none,0'], /p\d+\.csv:3:1: householdId: person points to a missing household \(got 9, expected an id in .*h\d+\.csv\)/],
    ['a person row with too few columns', ok, ['1,70,none,0', '1,70'], /p\d+\.csv:3:1: householdId: wrong number of columns \(got 2, expected 4 columns\)/],
    ['an impossible age', ok, ['1,130,none,0'], /p\d+\.csv:2:2: age: out of range \(got 130, expected a whole number from 0 to 120\)/],
    ['an unknown chronic illness', ok, ['1,70,sometimes,0'], /p\d+\.csv:2:3: chronicIllness: unknown category \(got "sometimes", expected one of none, serious, mild\)/],
    ['a disability grade of 11', ok, ['1,70,none,11'], /p\d+\.csv:2:4: disabilityGrade: out of range \(got 11, expected a whole number from 0 to 10\)/],
  ])('%s', (_what, households, persons, message) => {
    expect(problems(roster(households, persons))).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it('locates a row after a quoted cell that spans lines on its own line', () => {
    const m = problems(roster(['1,1,"dibao\n",1,860,none,0.3', '2,1,dibao,1,-5,none,0.3'], ['1,70,none,0', '2,70,none,0']));
    expect(m).toEqual([expect.stringMatching(/h\d+\.csv:4:5: incomeYuan: negative \(got -5/)]);
  });

  it('a wrong header stops that file without a complaint per row, and the persons are not blamed', () => {
    const [h, p] = roster([], ['1,70,none,0', '2,70,none,0']);
    writeFileSync(h, 'id;subdistrict;category\n1;1;dibao\n');
    expect(problems([h, p])).toEqual([expect.stringMatching(/h\d+\.csv:1:1: header: wrong columns \(got "id;subdistrict;category", expected id,subdistrict,category,size,incomeYuan,illnessGroup,assessmentScore\)/)]);
  });

  it('file-level problems: missing file, folder, empty file, unterminated quote', () => {
    const [h, p] = roster(ok, okP);
    expect(problems([join(dir, 'none.csv'), p])).toEqual([expect.stringMatching(/none\.csv: \(top level\): file not found/)]);
    mkdirSync(join(dir, 'folder.csv'));
    expect(problems([h, join(dir, 'folder.csv')])).toEqual([expect.stringMatching(/folder\.csv: \(top level\): not a regular file \(a folder or a device\?\)/)]);
    writeFileSync(join(dir, 'empty.csv'), '');
    expect(problems([h, join(dir, 'empty.csv')])).toEqual([expect.stringMatching(/empty\.csv: header: empty file \(expected a header line, then one row per record\)/)]);
    writeFileSync(join(dir, 'open.csv'), `${P_HEADER}\n1,"70,none,0\n`);
    expect(problems([h, join(dir, 'open.csv')])).toEqual([expect.stringMatching(/open\.csv:2: \(top level\): unterminated quoted field/)]);
  });

  it(`lists the first ${MAX_ISSUES} problems and counts the rest`, () => {
    const bad = Array.from({ length: 250 }, (_, i) => `${i + 1},1,dibao,1,-1,none,0.3`);
    const m = problems(roster(bad, Array.from({ length: 250 }, (_, i) => `${i + 1},1,none,0`)));
    expect(m).toHaveLength(MAX_ISSUES + 1);
    expect(m[0]).toMatch(/h\d+\.csv:2:5: incomeYuan: negative/);
    expect(m[MAX_ISSUES]).toMatch(/h\d+\.csv: \(top level\): and 150 more problems \(only the first 100 are listed\)/);
  });
});

describe('plain decimal numbers', () => {
  it.each([
    ['0', 0],
    ['-0', 0],
    ['+5', 5],
    ['12.50', 12.5],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['123456789012345678', 123456789012345678],
  ])('reads %s', (text, value) => {
    expect(parseDecimal(text)).toBe(value);
  });

  it.each(['', '-', '+', '.', 'e5', '1e', '1e+', '0x10', '1_000', '1,5', 'Infinity', 'NaN', ' 1', '1 ', '１', '1.2.3', '--1'])('refuses %j', (text) => {
    expect(parseDecimal(text)).toBeNaN();
  });
});
