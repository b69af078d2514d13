import type { Uniform } from '../stream.js';

/**
 * Normal(mean, sd) by Marsaglia's polar method. The second variate of each pair is
 * discarded so that a draw never depends on an earlier call: streams stay stateless.
 */
export function normal(u: Uniform, mean = 0, sd = 1): number {
  let x: number, s: number;
  do {
    x = 2 * u() - 1;
    const y = 2 * u() - 1;
    s = x * x + y * y;
  } while (s >= 1 || s === 0);
  return mean + sd * x * Math.sqrt((-2 * Math.log(s)) / s);
}
