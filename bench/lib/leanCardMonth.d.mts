// Types of leanCardMonth.mjs, for the test that imports it (tests/performance/leanCardMonth.test.ts).
export interface LeanHouseholds {
  rate: Float64Array;
  vegPerVisit: Float64Array;
  stapPerVisit: Float64Array;
}
export function leanHouseholds(n: number): LeanHouseholds;
export function leanYear(hh: LeanHouseholds, atoms: Float64Array, uVisits: () => number, uBasket: () => number): { draws: number; subsidyFen: number; discountFen: number };
export function leanCardMonth(o: { n: number; repeats: number; nsPerDraw: number; basketCv?: number }): Promise<{
  cardMonths: number;
  draws: number;
  cpuS: number;
  nsPerCardMonth: number;
  drawsPerCardMonth: number;
  overheadRatio: number;
  moneyIsFinite: boolean;
}>;
