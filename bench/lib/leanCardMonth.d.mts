// Types of leanCardMonth.mjs, for the test that imports it (tests/performance/leanCardMonth.test.ts).
export interface LeanHouseholds {
  rate: Float64Array;
  vegPerVisit: Float64Array;
  stapPerVisit: Float64Array;
}
export function leanHouseholds(n: number): LeanHouseholds;
/** The pieces of the library the lean year uses. */
export interface LeanModel {
  atoms: Float64Array;
  categoryDiscountFen: (marketFen: number, priceFactor: number, capMarketFen: number) => number;
}
export function leanYear(hh: LeanHouseholds, model: LeanModel, uVisits: () => number, uBasket: () => number): { draws: number; subsidyFen: number; discountFen: number };
export function leanCardMonth(o: { n: number; repeats: number; nsPerDraw: number; basketCv?: number }): Promise<{
  cardMonths: number;
  draws: number;
  cpuS: number;
  nsPerCardMonth: number;
  drawsPerCardMonth: number;
  overheadRatio: number;
  moneyIsFinite: boolean;
}>;
