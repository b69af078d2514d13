/**
 * Share of a food category a card holder buys at the store, given the category's
 * discount d = 1 − priceFactor: a logistic curve through `shareAtMarketPrice` at d = 0
 * whose log-odds rise by `priceResponse` per unit of discount. It stays within [0, 1]
 * for any discount, and grows with the discount when the response is positive.
 */
export function storeShare(shareAtMarketPrice: number, priceResponse: number, discount: number): number {
  if (shareAtMarketPrice <= 0) return 0;
  if (shareAtMarketPrice >= 1) return 1;
  const logit = Math.log(shareAtMarketPrice / (1 - shareAtMarketPrice)) + priceResponse * discount;
  return 1 / (1 + Math.exp(-logit));
}
