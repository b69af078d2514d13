import type { Uniform } from '../stream.js';

/** Exponential with the given rate, by inversion. Mean 1/rate, variance 1/rate². */
export function exponential(u: Uniform, rate: number): number {
  return -Math.log(1 - u()) / rate;
}
