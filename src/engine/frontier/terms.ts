import type { ScenarioIssue } from '../../scenario/issues.js';
import { allMetrics } from '../simulate.js';
import { finiteNumber } from '../sweep/values.js';

/**
 * A frontier's cost or outcome: a sum of terms, each a metric times a weight, optionally
 * times a second metric (so that a rate becomes a count: insured households × share with
 * catastrophic spending). Terms are computed replication by replication, so their 2.5–97.5%
 * spread is that of the sum, not a sum of spreads.
 */
export interface Term {
  readonly metric: string;
  readonly weight: number;
  readonly times?: string;
}

/** The written forms: `id`, `[id, …]` (weights 1), `{id: weight, …}`, or `[{metric, weight?, times?}, …]`. */
export type TermsInput = string | ReadonlyArray<string | { metric: string; weight?: number; times?: string }> | Readonly<Record<string, number>>;

function knownMetric(id: unknown, file: string, where: string, issues: ScenarioIssue[]): id is string {
  if (typeof id === 'string' && allMetrics().some((m) => m.id === id)) return true;
  issues.push({ file, path: where, problem: 'unknown metric', got: id, expected: 'a metric id listed by `wuhou-sim run`' });
  return false;
}

/** Reads cost or outcome terms; every bad id or weight becomes an issue naming where it is. */
export function parseTerms(value: unknown, where: string, file: string, issues: ScenarioIssue[]): Term[] {
  if (typeof value === 'string') value = [value];
  if (Array.isArray(value) && value.length) {
    const terms: Term[] = [];
    value.forEach((item: unknown, i) => {
      const at = `${where}[${i}]`;
      if (typeof item === 'string') {
        if (knownMetric(item, file, at, issues)) terms.push({ metric: item, weight: 1 });
        return;
      }
      if (item === null || typeof item !== 'object' || Array.isArray(item)) {
        issues.push({ file, path: at, problem: 'expected a metric id or {metric, weight, times}', got: item });
        return;
      }
      const t = item as Record<string, unknown>;
      for (const k of Object.keys(t)) if (!['metric', 'weight', 'times'].includes(k)) issues.push({ file, path: `${at}.${k}`, problem: 'unknown key', expected: 'metric, weight, times' });
      const metricOk = knownMetric(t.metric, file, `${at}.metric`, issues);
      const timesOk = t.times === undefined || knownMetric(t.times, file, `${at}.times`, issues);
      const weight = t.weight === undefined ? 1 : finiteNumber(t.weight, file, `${at}.weight`, issues);
      if (metricOk && timesOk && weight !== undefined) terms.push({ metric: t.metric as string, weight, ...(t.times !== undefined ? { times: t.times as string } : {}) });
    });
    return terms;
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !Object.keys(value).length) {
    issues.push({ file, path: where, problem: 'expected a metric id, a list of ids or terms, or id: weight pairs', got: value, expected: 'e.g. cost.districtBudget' });
    return [];
  }
  const terms: Term[] = [];
  for (const [id, w] of Object.entries(value as Record<string, unknown>)) {
    const ok = knownMetric(id, file, `${where}.${id}`, issues);
    const weight = finiteNumber(w, file, `${where}.${id}`, issues);
    if (ok && weight !== undefined) terms.push({ metric: id, weight });
  }
  return terms;
}

/** Every metric the terms read. */
export function termMetrics(terms: readonly Term[]): string[] {
  return terms.flatMap((t) => (t.times ? [t.metric, t.times] : [t.metric]));
}

/** The terms' sum in each replication, from each metric's per-replication values. */
export function evaluateTerms(terms: readonly Term[], perReplication: Readonly<Record<string, readonly number[]>>, replications: number): number[] {
  const out = new Array<number>(replications).fill(0);
  for (const t of terms) {
    const a = perReplication[t.metric]!;
    const b = t.times ? perReplication[t.times]! : undefined;
    for (let r = 0; r < replications; r++) out[r] += t.weight * a[r]! * (b ? b[r]! : 1);
  }
  return out;
}

/** `insurance.households × insurance.catastrophicRate.before − …` for labels. */
export function describeTerms(terms: readonly Term[]): string {
  return terms
    .map((t, i) => {
      const sign = t.weight < 0 ? '− ' : i ? '+ ' : '';
      const w = Math.abs(t.weight) === 1 ? '' : `${Math.abs(t.weight)}×`;
      return `${sign}${w}${t.metric}${t.times ? ` × ${t.times}` : ''}`;
    })
    .join(' ');
}
