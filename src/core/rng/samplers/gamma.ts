import type { Uniform } from '../stream.js';
import { normal } from './normal.js';

/** A source of standard normal draws from uniforms (normal by default; zigguratNormal is faster). */
export type StandardNormal = (u: Uniform) => number;

/**
 * Gamma(shape, scale) by Marsaglia and Tsang (2000); for shape < 1 it draws Gamma(shape+1)
 * and multiplies by U^{1/shape}. Mean shape·scale, variance shape·scale². `standardNormal`
 * chooses the normal sampler inside (the default keeps the draws existing streams have
 * always had; new hot loops pass zigguratNormal).
 */
export function gamma(u: Uniform, shape: number, scale: number, standardNormal: StandardNormal = normal): number {
  if (shape < 1) return gamma(u, shape + 1, scale, standardNormal) * Math.pow(1 - u(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number, v: number;
    do {
      x = standardNormal(u);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    if (w < 1 - 0.0331 * x * x * x * x) return d * v * scale;
    if (Math.log(w) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}
