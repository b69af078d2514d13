import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** A parsed CSV row with the 1-based line it starts on (for error messages). */
export interface CsvRow {
  line: number;
  cells: string[];
}

/** A CSV problem located to a line (and, when known, a 1-based character column). */
export class CsvError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number | undefined,
    readonly reason: string,
  ) {
    super(`${file}${line > 0 ? `:${line}` : ''}${column === undefined ? '' : `:${column}`}: ${reason}`);
    this.name = 'CsvError';
  }
}

/** Called once per non-empty row; `cells` is reused for the next row, so copy what you keep. */
export type RowHandler = (cells: string[], line: number) => void;

/** A field longer than this is almost always an unterminated quote swallowing the file. */
export const MAX_FIELD_CHARS = 1 << 20;

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  /** Just saw a quote inside a quoted field: either an escaped quote or the closing one. */
  QuoteInQuoted,
}

/**
 * Incremental RFC 4180 parser: feed it text in pieces of any size (`push`), then `end()`.
 * Quoted fields may hold commas, doubled quotes and newlines; CRLF, LF or CR end a line;
 * a leading byte-order mark is dropped; empty lines are skipped. State carries across
 * pieces, so a file is parsed in one pass without ever holding its whole text.
 */
export class CsvParser {
  private readonly cells: string[] = [];
  /** The current field's text from earlier pieces (a field may span pieces). */
  private carry = '';
  private state = State.FieldStart;
  /** True once the current row has a field (so a newline ends a row, not an empty line). */
  private rowStarted = false;
  /** A CR ended the last row: a following LF belongs to it. */
  private skipLf = false;
  /** Inside a quoted field, the last character was a CR (so a following LF is the same line end). */
  private quotedCr = false;
  private first = true;
  private physicalLine = 1;
  private rowLine = 1;

  constructor(
    private readonly file: string,
    private readonly onRow: RowHandler,
    private readonly maxFieldChars = MAX_FIELD_CHARS,
  ) {}

  /** The physical line the parser has reached (1-based). */
  get line(): number {
    return this.physicalLine;
  }

  push(text: string): void {
    const n = text.length;
    let i = 0;
    if (this.first && n) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) i = 1;
    }
    let segStart = i;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.skipLf) {
        this.skipLf = false;
        if (c === LF) {
          segStart = i + 1;
          continue;
        }
      }
      switch (this.state) {
        case State.FieldStart:
          if (c === QUOTE) {
            this.state = State.Quoted;
            this.quotedCr = false;
            this.rowStarted = true;
            segStart = i + 1;
          } else if (c === COMMA) {
            this.cells.push('');
            this.rowStarted = true;
            segStart = i + 1;
          } else if (c === LF || c === CR) {
            // After a comma the row has one more, empty, field; otherwise this is an empty line.
            if (this.rowStarted) this.cells.push('');
            this.endRow(c);
            segStart = i + 1;
          } else {
            this.state = State.Unquoted;
            this.rowStarted = true;
            segStart = i;
          }
          break;
        case State.Unquoted:
          if (c === COMMA) {
            this.endField(text.slice(segStart, i));
            segStart = i + 1;
          } else if (c === LF || c === CR) {
            this.endField(text.slice(segStart, i));
            this.endRow(c);
            segStart = i + 1;
          }
          break;
        case State.Quoted:
          if (c === QUOTE) {
            this.carry += text.slice(segStart, i);
            this.state = State.QuoteInQuoted;
          } else if (c === CR || (c === LF && !this.quotedCr)) {
            this.physicalLine++;
          }
          this.quotedCr = c === CR;
          break;
        case State.QuoteInQuoted:
          if (c === QUOTE) {
            this.carry += '"';
            this.state = State.Quoted;
            this.quotedCr = false;
            segStart = i + 1;
          } else if (c === COMMA) {
            this.endField('');
            segStart = i + 1;
          } else if (c === LF || c === CR) {
            this.endField('');
            this.endRow(c);
            segStart = i + 1;
          } else {
            // Text after a closing quote ("a"b): keep it, as spreadsheets do.
            this.state = State.Unquoted;
            segStart = i;
          }
          break;
      }
    }
    if (this.state === State.Unquoted || this.state === State.Quoted) {
      this.carry += text.slice(segStart, n);
      if (this.carry.length > this.maxFieldChars) {
        const reason = this.state === State.Quoted ? 'unterminated quoted field' : 'field too long';
        throw new CsvError(this.file, this.rowLine, undefined, `${reason} (over ${this.maxFieldChars} characters)`);
      }
    }
  }

  /** Finishes the last row; throws CsvError on a quote left open. */
  end(): void {
    if (this.state === State.Quoted) throw new CsvError(this.file, this.rowLine, undefined, 'unterminated quoted field');
    if (this.state !== State.FieldStart) this.endField('');
    else if (this.rowStarted) this.cells.push('');
    if (this.rowStarted) this.onRow(this.cells, this.rowLine);
    this.cells.length = 0;
    this.rowStarted = false;
  }

  private endField(tail: string): void {
    this.cells.push(this.carry === '' ? tail : this.carry + tail);
    this.carry = '';
    this.state = State.FieldStart;
  }

  private endRow(c: number): void {
    if (this.rowStarted) this.onRow(this.cells, this.rowLine);
    this.cells.length = 0;
    this.rowStarted = false;
    this.physicalLine++;
    this.rowLine = this.physicalLine;
    this.skipLf = c === CR;
  }
}

/**
 * Parses a whole CSV text (see CsvParser). Throws CsvError on an unterminated quote,
 * naming the file and the line where the field began.
 */
export function parseCsv(text: string, file = 'csv'): CsvRow[] {
  const rows: CsvRow[] = [];
  const parser = new CsvParser(file, (cells, line) => rows.push({ line, cells: cells.slice() }));
  parser.push(text);
  parser.end();
  return rows;
}

/** Encodings a CSV file may be read in: UTF-8 (the default) and GB18030, which Chinese government spreadsheets are often exported in (GBK is a subset). */
export const CSV_ENCODINGS = ['utf-8', 'gb18030'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

const ENCODING_ALIASES: Record<string, CsvEncoding> = { 'utf-8': 'utf-8', utf8: 'utf-8', gb18030: 'gb18030', gbk: 'gb18030', gb2312: 'gb18030' };

/** The encoding named by a user (case-insensitive, with aliases utf8, gbk, gb2312), or undefined if unsupported. */
export function csvEncoding(name: string): CsvEncoding | undefined {
  const key = name.trim().toLowerCase();
  return Object.prototype.hasOwnProperty.call(ENCODING_ALIASES, key) ? ENCODING_ALIASES[key] : undefined;
}

export interface CsvReadOptions {
  encoding?: CsvEncoding;
  /** Bytes read at a time (tests use small chunks to exercise the seams). */
  chunkBytes?: number;
}

const REPLACEMENT = '\uFFFD';

/**
 * Streams a CSV file through CsvParser: reads it in chunks, decodes each with a streaming
 * TextDecoder, and hands every row to `onRow`. Memory stays at one chunk plus one row,
 * whatever the file's size. Bytes that are not valid in the encoding stop the read with a
 * CsvError at their line and column (a GB18030 file read as UTF-8 is the usual cause).
 */
export function readCsvFile(path: string, shownAs: string, onRow: RowHandler, options: CsvReadOptions = {}): void {
  const encoding = options.encoding ?? 'utf-8';
  const parser = new CsvParser(shownAs, onRow);
  const decoder = new TextDecoder(encoding);
  const buffer = Buffer.allocUnsafe(options.chunkBytes ?? 1 << 20);
  const fd = openSync(path, 'r');
  try {
    // Line 0: a problem of the file as a whole. A folder, device or pipe could block or never end.
    if (!fstatSync(fd).isFile()) throw new CsvError(shownAs, 0, undefined, 'not a regular file (a folder or a device?)');
    let firstChunk = true;
    for (;;) {
      const got = readSync(fd, buffer, 0, buffer.length, null);
      const text = got > 0 ? decoder.decode(buffer.subarray(0, got), { stream: true }) : decoder.decode();
      const bad = text.indexOf(REPLACEMENT);
      if (bad >= 0) throw undecodable(text, bad, parser.line, firstChunk, shownAs, encoding);
      parser.push(text);
      firstChunk = false;
      if (got === 0) break;
    }
    parser.end();
  } finally {
    closeSync(fd);
  }
}

/** Locates the first undecodable character: lines counted from where the parser stood. */
function undecodable(text: string, at: number, line: number, fileStart: boolean, file: string, encoding: CsvEncoding): CsvError {
  let lineStart = fileStart ? 0 : -1;
  for (let i = 0; i < at; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) {
      line++;
      lineStart = i + 1;
    }
  }
  const hint = encoding === 'utf-8' ? ' (if it was saved as GB18030/GBK, add --encoding gb18030)' : ' (check the file\'s encoding)';
  // The column is known only when the line began in this chunk.
  return new CsvError(file, line, lineStart < 0 ? undefined : at - lineStart + 1, `not valid ${encoding.toUpperCase()} text${hint}`);
}
