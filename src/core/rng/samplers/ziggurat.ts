import type { Uniform } from '../stream.js';

/**
 * Standard normal by the ziggurat method (Marsaglia and Tsang 2000, in Doornik's 2005 ZIGNOR
 * form with 128 layers). One uniform gives both the layer (its 7 lowest bits of 32) and the
 * position in it (the other 25 bits), so about 98.8% of draws cost one uniform, a table
 * lookup and a comparison: no logarithm, square root or division. The rest fall in a
 * wedge (two exponentials, one more uniform) or the tail beyond R (Marsaglia's method).
 */
const LAYERS = 128;
const R = 3.442619855899;
/** Area of each layer (and of the base layer with the tail). */
const AREA = 9.91256303526217e-3;
const TWO_32 = 4294967296;
const INV_2_31 = 1 / 2147483648;

/** Right edges x_i of the layers (X[0] is the base layer's equivalent width), X[LAYERS] = 0. */
const X = new Float64Array(LAYERS + 1);
/** X[i+1] / X[i]: below it a point of layer i lies under the density for sure. */
const INNER = new Float64Array(LAYERS);
{
  let f = Math.exp(-0.5 * R * R);
  X[0] = AREA / f;
  X[1] = R;
  for (let i = 2; i < LAYERS; i++) {
    X[i] = Math.sqrt(-2 * Math.log(AREA / X[i - 1]! + f));
    f = Math.exp(-0.5 * X[i]! * X[i]!);
  }
  X[LAYERS] = 0;
  for (let i = 0; i < LAYERS; i++) INNER[i] = X[i + 1]! / X[i]!;
}

/**
 * A standard normal draw (mean 0, variance 1). Deterministic in the uniforms it is given.
 * Only the common case is here, so that the function is small enough for V8 to inline into
 * a caller's loop; the rest is in `zigguratEdge`.
 */
export function zigguratNormal(u: Uniform): number {
  // u() is a multiple of 2^-32 for the alea streams; for other sources the split is still uniform.
  const bits = u() * TWO_32;
  const i = bits & (LAYERS - 1);
  const v = (bits - i) * INV_2_31 - 1;
  if (Math.abs(v) < INNER[i]!) return v * X[i]!;
  // The + tells V8 the result is a number, so an inlined draw stays an unboxed double.
  return +zigguratEdge(u, i, v);
}

/**
 * A point (layer i, position v) outside its layer's inner rectangle: accepted in the wedge
 * under the density, or drawn from the tail for the base layer, or else rejected, and the
 * draw starts again with the next uniform (the same uniforms, in the same order, as one loop).
 */
function zigguratEdge(u: Uniform, i: number, v: number): number {
  for (;;) {
    if (i === 0) return normalTail(u, v < 0);
    const x = v * X[i]!;
    const f0 = Math.exp(-0.5 * (X[i]! * X[i]! - x * x));
    const f1 = Math.exp(-0.5 * (X[i + 1]! * X[i + 1]! - x * x));
    if (f1 + u() * (f0 - f1) < 1) return x;
    const bits = u() * TWO_32;
    i = bits & (LAYERS - 1);
    v = (bits - i) * INV_2_31 - 1;
    if (Math.abs(v) < INNER[i]!) return v * X[i]!;
  }
}

/** A draw from the normal tail beyond R (Marsaglia 1964), on the side given. */
function normalTail(u: Uniform, negative: boolean): number {
  let x: number;
  let y: number;
  do {
    x = Math.log(1 - u()) / R;
    y = Math.log(1 - u());
  } while (-2 * y < x * x);
  return negative ? x - R : R - x;
}
