import fc from 'fast-check';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { csvEncoding, CsvError, CsvParser, parseCsv, readCsvFile, type CsvRow } from '../../src/core/csv.js';
import { tempDir } from './helpers.js';

/**
 * The CSV reader under the roster (issue 10, item 2): RFC 4180 quoting, any line ends, BOM,
 * empty lines, text fed in pieces of any size, UTF-8 and GB18030 decoded in a stream.
 */

const { dir, cleanup } = tempDir('csv');
afterAll(cleanup);

/** Writes cells as CSV: quotes a cell when it holds a comma, quote, CR or LF (or is a lone empty cell). */
function toCsv(rows: string[][], eol: string): string {
  return rows
    .map((cells) => cells.map((c) => (/[",\r\n]/.test(c) || (cells.length === 1 && c === '') ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join(eol);
}

/** Parses text fed in the given piece sizes. */
function parseInPieces(text: string, sizes: number[]): CsvRow[] {
  const rows: CsvRow[] = [];
  const parser = new CsvParser('t.csv', (cells, line) => rows.push({ line, cells: cells.slice() }));
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length] ?? 1);
    parser.push(text.slice(at, at + size));
    at += size;
  }
  parser.end();
  return rows;
}

const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('', ',', '"', '""', '\n', '\r\n', '\r', 'a,b', '低保', ' x ', 'x"y', '"q"'), fc.string({ unit: 'grapheme', maxLength: 4 }));
const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 });

describe('CSV parsing', () => {
  it('reads back any table written with quoting, with LF, CRLF or CR line ends, a BOM or not, in pieces of any size', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), fc.boolean(), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), (rows, eol, bom, trailing, sizes) => {
        const text = (bom ? '\uFEFF' : '') + toCsv(rows, eol) + (trailing ? eol : '');
        expect(parseCsv(text).map((r) => r.cells)).toEqual(rows);
        expect(parseInPieces(text, sizes)).toEqual(parseCsv(text));
      }),
      { numRuns: 300 },
    );
  });

  it('gives each row the physical line it starts on, counting newlines inside quotes', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const parsed = parseCsv(toCsv(rows, eol));
        let line = 1;
        rows.forEach((cells, i) => {
          expect(parsed[i]!.line).toBe(line);
          line += 1 + cells.join(',').split(/\r\n|\r|\n/).length - 1;
        });
      }),
      { numRuns: 200 },
    );
  });

  it('the same rows, or the same error, whatever the piece sizes (any text at all)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '\uFEFF'), maxLength: 40 }), fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 3 }), (text, sizes) => {
        const whole = attempt(() => parseCsv(text, 't.csv'));
        const pieces = attempt(() => parseInPieces(text, sizes));
        expect(pieces).toEqual(whole);
      }),
      { numRuns: 500 },
    );
  });

  it('skips empty lines, keeps empty fields, keeps text after a closing quote', () => {
    expect(parseCsv('\n\na,b\r\n\r\n,\n"",x\n"a"b,c\n')).toEqual([
      { line: 3, cells: ['a', 'b'] },
      { line: 5, cells: ['', ''] },
      { line: 6, cells: ['', 'x'] },
      { line: 7, cells: ['ab', 'c'] },
    ]);
    expect(parseCsv('a,')).toEqual([{ line: 1, cells: ['a', ''] }]);
    expect(parseCsv('""')).toEqual([{ line: 1, cells: [''] }]);
  });

  it('an unterminated quote is an error at the line where the field began', () => {
    expect(() => parseCsv('a,b\nc,"d\ne\nf', 'x.csv')).toThrow(new CsvError('x.csv', 2, undefined, 'unterminated quoted field'));
    expect(() => parseCsv('a,b\nc,"d\ne\nf', 'x.csv')).toThrow('x.csv:2: unterminated quoted field');
  });

  it('stops an unterminated quote that would swallow a large file, instead of holding it all', () => {
    const parser = new CsvParser('big.csv', () => undefined, 1000);
    parser.push('id\n"');
    expect(() => {
      for (let i = 0; i < 100; i++) parser.push('x'.repeat(100) + '\n');
    }).toThrow('big.csv:2: unterminated quoted field (over 1000 characters)');
  });
});

describe('reading CSV files in a stream', () => {
  const rowsOf = (file: string, encoding?: 'utf-8' | 'gb18030', chunkBytes?: number) => {
    const rows: string[][] = [];
    readCsvFile(file, file, (cells) => rows.push(cells.slice()), { ...(encoding ? { encoding } : {}), ...(chunkBytes ? { chunkBytes } : {}) });
    return rows;
  };
  const F = 'tests/fixtures/reliability';

  it('decodes GB18030 to the same rows as the UTF-8 file, even with multi-byte characters split across chunks', () => {
    const utf8 = rowsOf(`${F}/households-utf8.csv`);
    expect(utf8[1]).toEqual(['1', '1', '低保', '2', '860', 'none', '0.3']);
    for (const chunk of [1, 2, 3, 5, 64, 1 << 20]) {
      expect(rowsOf(`${F}/households-gb18030.csv`, 'gb18030', chunk)).toEqual(utf8);
      expect(rowsOf(`${F}/households-utf8.csv`, 'utf-8', chunk)).toEqual(utf8);
    }
    expect(rowsOf(`${F}/households-gb18030-bom.csv`, 'gb18030', 3)).toEqual(utf8);
  });

  it('a UTF-8 BOM split across chunks is still dropped', () => {
    const file = join(dir, 'bom.csv');
    writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n低,保\n')]));
    expect(rowsOf(file, 'utf-8', 1)).toEqual([
      ['a', 'b'],
      ['低', '保'],
    ]);
  });

  it('reports bytes that are not UTF-8 at their line and column, with the --encoding hint', () => {
    expect(() => rowsOf(`${F}/households-gb18030.csv`)).toThrow(/households-gb18030\.csv:2:5: not valid UTF-8 text \(if it was saved as GB18030\/GBK, add --encoding gb18030\)/);
    // Far into the file, found in a later chunk: the line is still right.
    const file = join(dir, 'late.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('a,b\n'.repeat(5000)), Buffer.from('x,'), Buffer.from([0xff]), Buffer.from('\n')]));
    expect(() => rowsOf(file, 'utf-8', 4096)).toThrow(/late\.csv:5001(:3)?: not valid UTF-8 text/);
  });

  it('names the encodings it supports', () => {
    expect(csvEncoding('GB18030')).toBe('gb18030');
    expect(csvEncoding('gbk')).toBe('gb18030');
    expect(csvEncoding('UTF8')).toBe('utf-8');
    expect(csvEncoding('latin1')).toBeUndefined();
    expect(csvEncoding('__proto__')).toBeUndefined();
  });
});

function attempt<T>(fn: () => T): T | string {
  try {
    return fn();
  } catch (e) {
    return (e as Error).message;
  }
}
