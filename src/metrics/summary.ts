/** Summary of one metric across replications. */
export interface MetricSummary {
  mean: number;
  sd: number;
  /** Standard error of the mean: sd / √n. */
  se: number;
  /** 2.5% and 97.5% percentiles of the replications (the spread of outcomes, not of the mean). */
  p025: number;
  p975: number;
  n: number;
}

/** Quantile of sorted values by linear interpolation (R's type 7, numpy's default). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

export function mean(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]!;
  return values.length ? s / values.length : 0;
}

/** Sample standard deviation (n − 1); 0 for fewer than two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  const m = mean(values);
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i]! - m) ** 2;
  return Math.sqrt(ss / (n - 1));
}

export function summarise(values: readonly number[]): MetricSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const sd = sampleSd(values);
  const n = values.length;
  return { mean: mean(values), sd, se: n ? sd / Math.sqrt(n) : 0, p025: quantileSorted(sorted, 0.025), p975: quantileSorted(sorted, 0.975), n };
}
