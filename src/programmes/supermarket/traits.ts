import type { StreamFactory } from '../../core/rng/stream.js';
import { gamma } from '../../core/rng/samplers/index.js';
import { zigguratNormal } from '../../core/rng/samplers/ziggurat.js';
import type { Households } from '../../population/columns.js';
import type { ScenarioValues } from '../../scenario/catalogue.js';
import { lognormalTable, sampleLognormal } from './lognormalTable.js';
import { storeShare } from './share.js';

/**
 * What stays fixed about a household for a whole replication: whether it would take a
 * card, how often it visits, and how much vegetables and staples it would buy at the store
 * in a month. Drawn for every household in index order, one stream per trait, so each
 * trait depends only on its own parameters and the household, not on who is eligible.
 */
export interface HouseholdTraits {
  /** 1 if the household would take up a card when one is offered. */
  readonly willing: Uint8Array;
  /** Mean store visits per month (λ of its monthly Poisson count). */
  readonly visitRate: Float64Array;
  /** e^{−λ}, kept so the monthly Poisson draw needs no exponential (Poisson visits only). */
  readonly expNegVisitRate: Float64Array;
  /** Market value (fen) bought per visit, by category. */
  readonly vegetablesPerVisitFen: Float64Array;
  readonly staplesPerVisitFen: Float64Array;
  /** The household's monthly spending on vegetables + staples (fen), wherever bought. */
  readonly categorySpendFen: Float64Array;
  /** The household's monthly food spending (fen): income × food share. */
  readonly foodSpendFen: Float64Array;
}

/** x^e, by a square root for the common e = ½ (Math.pow costs about four times as much). */
function power(x: number, e: number): number {
  if (e === 0.5) return Math.sqrt(x);
  if (e === 1) return x;
  return Math.pow(x, e);
}

/**
 * Per-visit baskets: a household buys its usual monthly store purchases spread over its
 * usual visits, but at most `visits.maxMonthsPerVisit` months' worth per visit, so a
 * household that rarely visits buys less at the store rather than half a year of
 * vegetables at once.
 */
export function drawTraits(values: ScenarioValues, hh: Households, streams: StreamFactory): HouseholdTraits {
  const sm = values.supermarket;
  const n = hh.count;
  const willing = new Uint8Array(n);
  const visitRate = new Float64Array(n);
  const expNegVisitRate = new Float64Array(n);
  const vegetablesPerVisitFen = new Float64Array(n);
  const staplesPerVisitFen = new Float64Array(n);
  const categorySpendFen = new Float64Array(n);
  const foodSpendFen = new Float64Array(n);

  const uWilling = streams.stream('willingness');
  const uRate = streams.stream('visitRates');
  const uSpend = streams.stream('spendFactors');

  const p = sm.purchases;
  const vegShare = storeShare(p.storeShareAtMarketPrice, p.priceResponse, 1 - sm.vegetables.priceFactor);
  const stapShare = storeShare(p.storeShareAtMarketPrice, p.priceResponse, 1 - sm.staples.priceFactor);
  const meanVisits = sm.visits.meanPerMonth;
  const minRate = 1 / sm.visits.maxMonthsPerVisit;
  const shape = sm.visits.dispersion;
  const spendTable = lognormalTable(p.householdCv);
  const standardFen = values.population.dibaoStandardYuan * 100;
  // size^elasticity for every possible size (the column is a byte), computed once.
  const sizeScale = new Float64Array(256);
  for (let k = 0; k < 256; k++) sizeScale[k] = Math.pow(k, p.sizeElasticity);
  const poisson = sm.visits.distribution === 'poisson';
  const foodShare = values.population.foodShare;

  for (let h = 0; h < n; h++) {
    willing[h] = uWilling() < sm.cards.takeUpShare ? 1 : 0;
    const rate = meanVisits > 0 ? gamma(uRate, shape, meanVisits / shape, zigguratNormal) : 0;
    visitRate[h] = rate;
    if (poisson) expNegVisitRate[h] = Math.exp(-rate);
    const factor = sampleLognormal(spendTable, uSpend());
    const size = hh.size[h]!;
    const income = hh.incomeFen[h]!;
    const incomeRatio = standardFen > 0 && size > 0 ? income / size / standardFen : 1;
    const scale = 100 * sizeScale[size]! * power(incomeRatio, p.incomeElasticity) * factor;
    const veg = p.vegetablesPerPersonYuan * scale;
    const stap = p.staplesPerPersonYuan * scale;
    categorySpendFen[h] = veg + stap;
    foodSpendFen[h] = income * foodShare;
    const perVisit = 1 / (rate > minRate ? rate : minRate);
    vegetablesPerVisitFen[h] = veg * vegShare * perVisit;
    staplesPerVisitFen[h] = stap * stapShare * perVisit;
  }
  return { willing, visitRate, expNegVisitRate, vegetablesPerVisitFen, staplesPerVisitFen, categorySpendFen, foodSpendFen };
}
