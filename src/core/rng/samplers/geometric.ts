/**
 * Geometric waiting times by inversion: the number of failures before the first success of
 * independent trials with success probability p, from one uniform x ∈ [0, 1), is
 * ⌊ln(1 − x) / ln(1 − p)⌋ (mean (1 − p) / p). One draw per wait instead of one per trial.
 */

/**
 * 1 / ln(1 − p), the factor `geometricFailures` takes, for 0 < p < 1 (0 otherwise: callers
 * handle p = 0, never, and p ≥ 1, at once). By log1p, not log(1 − p): for a p so small that
 * 1 − p rounds to 1, ln(1 − p) would be 0 and the wait −∞ instead of very long.
 */
export function geometricScale(p: number): number {
  return p > 0 && p < 1 ? 1 / Math.log1p(-p) : 0;
}

/** Failures before the first success, given a uniform x ∈ [0, 1) and scale = geometricScale(p). */
export function geometricFailures(x: number, scale: number): number {
  return Math.floor(Math.log(1 - x) * scale);
}
