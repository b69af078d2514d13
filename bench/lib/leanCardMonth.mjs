// A lower bound for the supermarket's inner loop, to explain the overhead ratio (issue 9).
// A card-holder month with only what any implementation of it must do: its uniforms from
// the same generator (seedrandom alea), the visit count (⌊λ⌋ or ⌈λ⌉, as the baseline's
// 'regular' visits), two mean-one basket factors from the lognormal table, rounding to fen,
// the two categories' capped discounts (the model's own pricing rule, categoryDiscountFen),
// paying with the card, and the month's totals. None
// of the model's bookkeeping: no take-up or attrition, reporting window, household columns,
// balance policies, food cap or cap counts. Its time over its draws' bare-loop time is how
// far the overhead ratio could fall for this loop, however the model were written.
import seedrandom from 'seedrandom';
import { best } from './measure.mjs';
import { lib } from './paths.mjs';

const MONTHS = 12;
const CREDIT_FEN = 3000;
/** Price factors and market-value caps (fen) of the two categories, as in the baseline's order of size. */
const VEGETABLES = { factor: 0.8, capFen: 20_000 };
const STAPLES = { factor: 0.9, capFen: 10_000 };

/** Households' visit rates and per-visit baskets, drawn once (not timed). */
export function leanHouseholds(n) {
  const u = seedrandom.alea('wuhou-sim|bench|lean|households');
  const rate = new Float64Array(n);
  const vegPerVisit = new Float64Array(n);
  const stapPerVisit = new Float64Array(n);
  for (let h = 0; h < n; h++) {
    rate[h] = 0.3 + 1.4 * u();
    vegPerVisit[h] = 2000 + 4000 * u();
    stapPerVisit[h] = 1000 + 3000 * u();
  }
  return { rate, vegPerVisit, stapPerVisit };
}

/**
 * Every household holds a card all year. `model` holds the pieces taken from the library:
 * the basket table's `atoms` and `categoryDiscountFen`. Returns the draws made and the
 * money, so no work can be dropped.
 */
export function leanYear(hh, model, uVisits, uBasket) {
  const { atoms, categoryDiscountFen } = model;
  const size = atoms.length;
  const monthSubsidy = new Float64Array(MONTHS);
  const monthDiscount = new Float64Array(MONTHS);
  let draws = 0;
  for (let h = 0; h < hh.rate.length; h++) {
    const lam = hh.rate[h];
    const whole = Math.floor(lam);
    const vegPerVisit = hh.vegPerVisit[h];
    const stapPerVisit = hh.stapPerVisit[h];
    let bal = 0;
    for (let m = 0; m < MONTHS; m++) {
      bal += CREDIT_FEN;
      const visits = whole + (uVisits() < lam - whole ? 1 : 0);
      draws++;
      if (visits === 0) continue;
      const veg = Math.floor(vegPerVisit * visits * atoms[(uBasket() * size) | 0] + 0.5);
      const stap = Math.floor(stapPerVisit * visits * atoms[(uBasket() * size) | 0] + 0.5);
      draws += 2;
      const discount = categoryDiscountFen(veg, VEGETABLES.factor, VEGETABLES.capFen) + categoryDiscountFen(stap, STAPLES.factor, STAPLES.capFen);
      const paid = veg + stap - discount;
      const used = bal < paid ? bal : paid;
      bal -= used;
      monthSubsidy[m] += used;
      monthDiscount[m] += discount;
    }
  }
  return { draws, subsidyFen: monthSubsidy.reduce((a, b) => a + b, 0), discountFen: monthDiscount.reduce((a, b) => a + b, 0) };
}

/**
 * Times the lean year for `n` households (fastest of `repeats`, after a warm-up) and sets it
 * against `nsPerDraw`, the bare loop measured in the same process.
 */
export async function leanCardMonth({ n, repeats, nsPerDraw, basketCv = 0.3 }) {
  const { lognormalTable } = await lib('programmes/supermarket/lognormalTable.js');
  const { categoryDiscountFen } = await lib('programmes/supermarket/pricing.js');
  const model = { atoms: lognormalTable(basketCv).atoms, categoryDiscountFen };
  const hh = leanHouseholds(n);
  const streams = (k) => [seedrandom.alea(`wuhou-sim|bench|lean|visits|${k}`), seedrandom.alea(`wuhou-sim|bench|lean|basket|${k}`)];
  leanYear(hh, model, ...streams(-1)); // warm-up
  let k = 0;
  const run = best(() => leanYear(hh, model, ...streams(k++)), repeats);
  const cardMonths = n * MONTHS;
  const { draws } = run.value;
  return {
    cardMonths,
    draws,
    cpuS: run.cpuS,
    nsPerCardMonth: (run.cpuS * 1e9) / cardMonths,
    drawsPerCardMonth: draws / cardMonths,
    overheadRatio: run.cpuS / (draws * nsPerDraw * 1e-9),
    moneyIsFinite: Number.isFinite(run.value.subsidyFen + run.value.discountFen),
  };
}
