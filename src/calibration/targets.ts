import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import { displayPath } from '../scenario/load.js';
import { ScenarioError, type ScenarioIssue } from '../scenario/issues.js';
import { parseCsv } from '../core/csv.js';

/** One figure the article reports, as a range the simulated mean must fall in. */
export interface Target {
  readonly id: string;
  readonly metric: string;
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly window: string;
  readonly quote: string;
}

const COLUMNS = ['id', 'metric', 'low', 'high', 'unit', 'window', 'quote'] as const;

export function defaultTargetsPath(): string {
  return join(packageRoot(), 'data', 'targets.csv');
}

/**
 * Reads the calibration targets. Every problem (unknown metric, low above high, bad number,
 * duplicate id) is reported with its line in the CSV, all at once.
 */
export function loadTargets(file = defaultTargetsPath(), knownMetrics?: ReadonlySet<string>): Target[] {
  const shown = displayPath(file);
  const issues: ScenarioIssue[] = [];
  const rows = parseCsv(readFileSync(file, 'utf8'), shown);
  const header = rows[0]?.cells ?? [];
  if (COLUMNS.some((c, i) => header[i] !== c)) {
    throw new ScenarioError([{ file: `${shown}:1`, path: 'header', problem: 'wrong columns', got: header.join(','), expected: COLUMNS.join(',') }]);
  }
  const targets: Target[] = [];
  const seen = new Set<string>();
  for (const row of rows.slice(1)) {
    const at = `${shown}:${row.line}`;
    const [id = '', metric = '', low = '', high = '', unit = '', window = '', quote = ''] = row.cells;
    if (row.cells.length !== COLUMNS.length) {
      issues.push({ file: at, path: 'row', problem: 'wrong number of columns', got: row.cells.length, expected: `${COLUMNS.length}` });
      continue;
    }
    const lo = Number(low);
    const hi = Number(high);
    if (seen.has(id)) issues.push({ file: at, path: 'id', problem: 'duplicate target id', got: id });
    seen.add(id);
    if (knownMetrics && !knownMetrics.has(metric)) issues.push({ file: at, path: 'metric', problem: 'unknown metric', got: metric, expected: 'a metric id the model reports' });
    if (low.trim() === '' || !Number.isFinite(lo)) issues.push({ file: at, path: 'low', problem: 'not a number', got: low });
    if (high.trim() === '' || !Number.isFinite(hi)) issues.push({ file: at, path: 'high', problem: 'not a number', got: high });
    if (lo > hi) issues.push({ file: at, path: 'low', problem: 'low is above high', got: `${lo} > ${hi}`, expected: 'low ≤ high' });
    targets.push({ id, metric, low: lo, high: hi, unit, window, quote });
  }
  if (issues.length) throw new ScenarioError(issues);
  return targets;
}
