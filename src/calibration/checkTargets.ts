import type { Table } from '../core/table.js';
import { allMetrics, type SimulationResult } from '../engine/simulate.js';
import type { Target } from './targets.js';

/** z of a two-sided 95% normal interval. */
export const Z95 = 1.959963984540054;

/** One target against the simulation: the article's range, the simulated mean and its intervals. */
export interface TargetCheck {
  readonly id: string;
  readonly metric: string;
  readonly unit: string;
  readonly low: number;
  readonly high: number;
  /** Mean across replications: what must lie in [low, high] to pass. */
  readonly mean: number;
  /** Standard error of the mean (sd / √n). */
  readonly se: number;
  /** 95% interval of the mean: mean ± 1.96·se (how precisely the replications pin the mean down). */
  readonly meanLow: number;
  readonly meanHigh: number;
  /** 2.5% and 97.5% percentiles of the replications (the spread of single outcomes). */
  readonly p025: number;
  readonly p975: number;
  readonly replications: number;
  readonly pass: boolean;
  /** Deviation from the range midpoint in half-widths: |z| ≤ 1 inside the range (see objective.ts). */
  readonly z: number;
}

/** Midpoint and half-width of a target range. A zero-width range gets 0.1% of its value (at least 1e-9), so deviations stay finite. */
export function targetScale(t: Pick<Target, 'low' | 'high'>): { mid: number; half: number } {
  const mid = (t.low + t.high) / 2;
  const half = (t.high - t.low) / 2;
  return { mid, half: half > 0 ? half : Math.max(Math.abs(mid) * 1e-3, 1e-9) };
}

/** Signed deviation of a value from the target's midpoint, in half-widths of the range. */
export function targetDeviation(t: Pick<Target, 'low' | 'high'>, value: number): number {
  const { mid, half } = targetScale(t);
  return (value - mid) / half;
}

/** Compares each target with the simulated metric. Throws if a target's metric was not simulated. */
export function checkTargets(targets: readonly Target[], result: Pick<SimulationResult, 'metrics'>): TargetCheck[] {
  return targets.map((t) => {
    const m = result.metrics[t.metric];
    if (!m) throw new Error(`target ${t.id}: the simulation reported no metric "${t.metric}"`);
    return {
      id: t.id,
      metric: t.metric,
      unit: t.unit,
      low: t.low,
      high: t.high,
      mean: m.mean,
      se: m.se,
      meanLow: m.mean - Z95 * m.se,
      meanHigh: m.mean + Z95 * m.se,
      p025: m.p025,
      p975: m.p975,
      replications: m.n,
      pass: m.mean >= t.low && m.mean <= t.high,
      z: targetDeviation(t, m.mean),
    };
  });
}

/** The checks as a result table (one row per target), with the metric's label in `lang`. */
export function targetTable(checks: readonly TargetCheck[], lang: 'en' | 'zh' = 'en'): Table {
  const labels = new Map(allMetrics().map((m) => [m.id, m[lang]]));
  return {
    target: checks.map((c) => c.id),
    label: checks.map((c) => labels.get(c.metric) ?? c.metric),
    metric: checks.map((c) => c.metric),
    unit: checks.map((c) => c.unit),
    low: checks.map((c) => c.low),
    high: checks.map((c) => c.high),
    mean: checks.map((c) => c.mean),
    meanLow: checks.map((c) => c.meanLow),
    meanHigh: checks.map((c) => c.meanHigh),
    p025: checks.map((c) => c.p025),
    p975: checks.map((c) => c.p975),
    pass: checks.map((c) => c.pass),
  };
}
