/**
 * Result tables: plain columnar records, `{ column: values[] }`, every column the same
 * length. They turn into CSV, terminal text and danfo DataFrames without loss.
 */
export type Cell = string | number | boolean;
export type Table = Record<string, Cell[]>;

export function tableFromRecords(records: ReadonlyArray<Record<string, Cell>>, columns?: readonly string[]): Table {
  const cols = columns ?? [...new Set(records.flatMap((r) => Object.keys(r)))];
  const table: Table = {};
  for (const c of cols) table[c] = records.map((r) => r[c] ?? '');
  return table;
}

export function tableRows(table: Table): number {
  const first = Object.values(table)[0];
  return first ? first.length : 0;
}

export function tableToRecords(table: Table): Array<Record<string, Cell>> {
  const cols = Object.keys(table);
  return Array.from({ length: tableRows(table) }, (_, i) => Object.fromEntries(cols.map((c) => [c, table[c]![i]!])));
}

function csvCell(v: Cell): string {
  const s = typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 CSV with a header row and CRLF-free line ends. */
export function tableToCsv(table: Table): string {
  const cols = Object.keys(table);
  const lines = [cols.map(csvCell).join(',')];
  for (let i = 0; i < tableRows(table); i++) lines.push(cols.map((c) => csvCell(table[c]![i]!)).join(','));
  return lines.join('\n') + '\n';
}

/** One formatter per number of decimals: building an Intl.NumberFormat per call is slow. */
const FORMATTERS = new Map<number, Intl.NumberFormat>();

/** Formats a number for people: thousands separators, sensible decimals. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const abs = Math.abs(v);
  const digits = abs >= 1000 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 4;
  let f = FORMATTERS.get(digits);
  if (!f) FORMATTERS.set(digits, (f = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 })));
  return f.format(v);
}

/** Fixed-width text table for the terminal. */
export function tableToText(table: Table): string {
  const cols = Object.keys(table);
  const cells = cols.map((c) => [c, ...table[c]!.map((v) => (typeof v === 'number' ? formatNumber(v) : String(v)))]);
  const widths = cells.map((col) => Math.max(...col.map(displayWidth)));
  const numeric = cols.map((c) => table[c]!.every((v) => typeof v === 'number'));
  const lines: string[] = [];
  for (let r = 0; r <= tableRows(table); r++) {
    lines.push(cells.map((col, i) => pad(col[r]!, widths[i]!, numeric[i]! && r > 0)).join('  ').trimEnd());
    if (r === 0) lines.push(widths.map((w) => '─'.repeat(w)).join('  '));
  }
  return lines.join('\n');
}

/** Terminal width of text: CJK characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(s: string, width: number, right: boolean): string {
  const fill = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return right ? fill + s : s + fill;
}

/** A danfo DataFrame of the table. danfo takes ~1.5 s to load, so it is imported only here, on demand. */
export async function tableToDataFrame(table: Table): Promise<unknown> {
  const dfd = await import('danfojs-node');
  return new dfd.DataFrame(table as Record<string, unknown[]>);
}
