/** One thing wrong with a scenario, located to the file and parameter path that caused it. */
export interface ScenarioIssue {
  file: string;
  path: string;
  problem: string;
  got?: unknown;
  expected?: string;
}

/** `file: path: problem (got X, expected Y)`: the one format every validation error uses. */
export function formatIssue(i: ScenarioIssue): string {
  const detail: string[] = [];
  if ('got' in i) detail.push(`got ${formatValue(i.got)}`);
  if (i.expected) detail.push(`expected ${i.expected}`);
  return `${i.file}: ${i.path || '(top level)'}: ${i.problem}${detail.length ? ` (${detail.join(', ')})` : ''}`;
}

export function formatValue(v: unknown): string {
  if (typeof v === 'number') return Object.is(v, -0) ? '-0' : String(v);
  if (v === undefined) return 'nothing';
  try {
    const s = JSON.stringify(v);
    return s.length > 240 ? `${s.slice(0, 237)}...` : s;
  } catch {
    return String(v);
  }
}

/** Thrown when a scenario (or any user input) is invalid; carries every problem at once. */
export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'ScenarioError';
  }
}
