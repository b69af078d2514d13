import type { Uniform } from '../../core/rng/stream.js';

/**
 * Variation operators of NSGA-II for real levers within bounds (Deb & Agrawal 1995; Deb's
 * reference implementation): simulated binary crossover and polynomial mutation. Both keep
 * children inside [lower, upper]; a larger eta keeps children closer to their parents.
 */

/** Simulated binary crossover of one variable; returns two children. */
export function sbx(x1: number, x2: number, lower: number, upper: number, eta: number, u: Uniform): [number, number] {
  if (Math.abs(x1 - x2) < 1e-14 || upper <= lower) return [x1, x2];
  const y1 = Math.min(x1, x2);
  const y2 = Math.max(x1, x2);
  const spread = (beta: number) => {
    const alpha = 2 - beta ** -(eta + 1);
    const r = u();
    return r <= 1 / alpha ? (r * alpha) ** (1 / (eta + 1)) : (1 / (2 - r * alpha)) ** (1 / (eta + 1));
  };
  const c1 = 0.5 * (y1 + y2 - spread(1 + (2 * (y1 - lower)) / (y2 - y1)) * (y2 - y1));
  const c2 = 0.5 * (y1 + y2 + spread(1 + (2 * (upper - y2)) / (y2 - y1)) * (y2 - y1));
  const a = clamp(c1, lower, upper);
  const b = clamp(c2, lower, upper);
  return u() < 0.5 ? [b, a] : [a, b];
}

/** Polynomial mutation of one variable. */
export function polynomialMutation(x: number, lower: number, upper: number, eta: number, u: Uniform): number {
  if (upper <= lower) return lower;
  const range = upper - lower;
  const d1 = (x - lower) / range;
  const d2 = (upper - x) / range;
  const r = u();
  const power = 1 / (eta + 1);
  let dq: number;
  if (r < 0.5) dq = (2 * r + (1 - 2 * r) * (1 - d1) ** (eta + 1)) ** power - 1;
  else dq = 1 - (2 * (1 - r) + 2 * (r - 0.5) * (1 - d2) ** (eta + 1)) ** power;
  return clamp(x + dq * range, lower, upper);
}

export function clamp(x: number, lower: number, upper: number): number {
  return x < lower ? lower : x > upper ? upper : x;
}
