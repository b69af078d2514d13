import type { Uniform } from '../stream.js';

/** A draw uniform on [a, b). Mean (a+b)/2, variance (b−a)²/12. */
export function uniform(u: Uniform, a: number, b: number): number {
  return a + (b - a) * u();
}
