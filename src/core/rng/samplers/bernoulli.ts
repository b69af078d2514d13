import type { Uniform } from '../stream.js';

/** 1 with probability p, else 0. Mean p, variance p(1−p). */
export function bernoulli(u: Uniform, p: number): 0 | 1 {
  return u() < p ? 1 : 0;
}
