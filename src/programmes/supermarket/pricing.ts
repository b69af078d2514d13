import type { CapBasis } from './parameters.js';

/**
 * Float products such as 500 × (1 − 0.8) give 99.99999999999997 fen; this tolerance lets
 * them round down to the whole fen they mean without ever adding a fen of discount.
 */
const FEN_TOLERANCE = 1e-6;

/**
 * Market value (fen) that a monthly cap lets a card holder buy at the discounted price.
 * With the `paid` basis the cap counts money paid, so it covers cap / priceFactor of market
 * value; with the `market` basis it counts market value directly.
 */
export function capMarketValueFen(capFen: number, priceFactor: number, basis: CapBasis): number {
  return basis === 'paid' ? capFen / priceFactor : capFen;
}

/**
 * Discount (fen) on one category's monthly purchases: the part of the market value within
 * the cap's coverage is sold at `priceFactor` of market price; anything above it at market
 * price. Rounded down to whole fen, so the discount never exceeds the exact one.
 */
export function categoryDiscountFen(marketFen: number, priceFactor: number, capMarketFen: number): number {
  const covered = marketFen < capMarketFen ? marketFen : capMarketFen;
  return Math.floor(covered * (1 - priceFactor) + FEN_TOLERANCE);
}

/** The most discount a cap can give in a month (fen), the "worth" of the cap. */
export function capWorthFen(capFen: number, priceFactor: number, basis: CapBasis): number {
  return capMarketValueFen(capFen, priceFactor, basis) * (1 - priceFactor);
}
