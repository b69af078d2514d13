import type { Uniform } from '../../core/rng/stream.js';

const TWO_PI = 2 * Math.PI;

/** Public (non-card) sales of every store month, summed per month. */
export interface PublicSales {
  /** Sales of the month over all open stores (fen). */
  readonly fen: Float64Array;
  /** Stores open in the month. */
  readonly openStores: Int32Array;
}

/**
 * Draws each store's monthly public sales: lognormal with the given mean and CV, by
 * Box–Muller from two uniforms. One pair of draws per store and month whether the store is
 * open or not, so the roll-out never shifts the draws.
 */
export function drawPublicSales(u: Uniform, storeOpens: Int32Array, months: number, meanFen: number, cv: number): PublicSales {
  const sigma = Math.sqrt(Math.log(1 + cv * cv));
  const shift = (sigma * sigma) / 2;
  const fen = new Float64Array(months);
  const openStores = new Int32Array(months);
  for (let m = 0; m < months; m++) {
    for (let j = 0; j < storeOpens.length; j++) {
      const u1 = u();
      const u2 = u();
      if (m < storeOpens[j]!) continue;
      const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * u2);
      fen[m] += Math.round(meanFen * Math.exp(sigma * z - shift));
      openStores[m]++;
    }
  }
  return { fen, openStores };
}
