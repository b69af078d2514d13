import { fenToYuan, yuanToFen } from '../../core/money.js';
import { poisson } from '../../core/rng/samplers/index.js';
import type { ProgrammeContext } from '../../engine/programme.js';
import { addColumn, enrolmentBit } from '../../engine/outcomes.js';
import { CATEGORIES } from '../../population/parameters.js';
import { eligibleCategoryCodes } from './parameters.js';
import { buildRollout, NEVER } from './rollout.js';
import { DISCOUNT, OTHER_GOODS, pricingTerms, settleMonth, SETTLED_SLOTS, STAPLES_CAP_BINDS, SUBSIDY_USED, VEGETABLES_CAP_BINDS } from './settle.js';
import { lognormalTable, sampleLognormal, TABLE_SIZE } from './lognormalTable.js';
import { monthAfter, monthlyHazard, monthsUntil } from './membership.js';
import { traceHeader, traceMonth } from './trace.js';
import { drawTraits } from './traits.js';

const TWO_PI = 2 * Math.PI;
const LAST_BIN = TABLE_SIZE - 1;
/** Above this visit rate e^{−λ} loses precision for inversion; the (rare) draw uses PTRS. */
const INVERSION_LIMIT = 30;

/** Outcome columns the supermarket adds, one slot per household, over the reporting window. */
export const SUPERMARKET_COLUMNS = [
  'cardMonths',
  'visits',
  'discountFen',
  'subsidyFen',
  'ownSpendingFen',
  'storePurchasesFen',
  'foodSpendingFen',
  'vegetablesCapMonths',
  'staplesCapMonths',
] as const;

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/** Log-scale sd of a mean-one lognormal with this CV: σ² = ln(1 + cv²); the factor is exp(σz − σ²/2). */
function logSd(cv: number): number {
  return Math.sqrt(Math.log(1 + cv * cv));
}

/**
 * Simulates the charity supermarket month by month for one replication: store roll-out,
 * card take-up and attrition, visits, purchases priced under the caps, the card subsidy,
 * public sales. Posts one ledger line per flow and month, fills the outcome columns and
 * returns the metrics (see metrics.ts).
 */
export function runSupermarket(ctx: ProgrammeContext): Record<string, number> {
  const sm = ctx.values.supermarket;
  const pop = ctx.population;
  const hh = pop.households;
  const cal = ctx.calendar;
  const n = hh.count;
  const months = cal.length;

  const traits = drawTraits(ctx.values, hh, ctx.streams);
  const rollout = buildRollout(sm.stores.openingMonths, sm.stores.subdistricts, pop.subdistricts, cal);
  const terms = pricingTerms(sm);
  const codes = eligibleCategoryCodes(sm.cards.eligibleCategories);

  // Households that may ever hold a card: an eligible category and a store in their subdistrict.
  const subdistrictOpens = rollout.subdistrictOpens;
  const categoryEligible = new Uint8Array(CATEGORIES.length);
  for (const c of codes) categoryEligible[c] = 1;
  const eligibleMark = new Uint8Array(n);
  let nEligible = 0;
  for (let h = 0; h < n; h++) {
    const s = hh.subdistrict[h]!;
    if (categoryEligible[hh.category[h]!] && s < subdistrictOpens.length && subdistrictOpens[s] !== NEVER) {
      eligibleMark[h] = 1;
      nEligible++;
    }
  }
  const eligible = new Int32Array(nEligible);
  for (let h = 0, k = 0; h < n; h++) if (eligibleMark[h]) eligible[k++] = h;

  const uMembership = ctx.streams.stream('membership');
  const uVisits = ctx.streams.stream('visits');
  const uBasket = ctx.streams.stream('basketNoise');
  const uPublic = ctx.streams.stream('publicSales');

  const col = Object.fromEntries(SUPERMARKET_COLUMNS.map((c) => [c, addColumn(ctx.outcomes, `supermarket.${c}`)])) as Record<(typeof SUPERMARKET_COLUMNS)[number], Float64Array>;
  const cardMonthsCol = col.cardMonths;
  const visitsCol = col.visits;
  const discountCol = col.discountFen;
  const subsidyCol = col.subsidyFen;
  const ownCol = col.ownSpendingFen;
  const purchasesCol = col.storePurchasesFen;
  const foodCol = col.foodSpendingFen;
  const vegCapCol = col.vegetablesCapMonths;
  const stapCapCol = col.staplesCapMonths;

  const { willing, visitRate, expNegVisitRate, vegetablesPerVisitFen, staplesPerVisitFen, categorySpendFen, foodSpendFen } = traits;
  const subdistrict = hh.subdistrict;
  const size = hh.size;
  const holder = new Uint8Array(n);
  /** Month of the household's next change of card status: taking a card up, or leaving. */
  const nextChange = new Int32Array(n).fill(NEVER);
  const balance = new Float64Array(n);
  const settled = new Float64Array(SETTLED_SLOTS);

  const creditFen = yuanToFen(sm.subsidy.monthlyYuan);
  const policy = sm.subsidy.unspent;
  const expire = policy === 'expire';
  const maxBalanceFen = policy === 'capped' ? yuanToFen(sm.subsidy.maxBalanceYuan) : Infinity;
  const regular = sm.visits.distribution === 'regular';
  const takeUp = monthlyHazard(sm.cards.monthlyTakeUp);
  const attrition = monthlyHazard(sm.cards.monthlyAttrition);
  const basketTable = lognormalTable(sm.purchases.monthlyCv);
  const basketAtoms = basketTable.atoms;
  const salesMeanFen = sm.public.salesPerStoreMonthYuan * 100;
  const salesSigma = logSd(sm.public.salesCv);
  const salesShift = (salesSigma * salesSigma) / 2;
  const storeOpens = rollout.storeOpens;
  const stores = storeOpens.length;

  const win = cal.window(sm.reporting.from, sm.reporting.to);
  const winFrom = win.from;
  const winTo = win.to;

  const traceH = ctx.traceHousehold !== undefined && ctx.traceHousehold >= 0 && ctx.traceHousehold < n ? ctx.traceHousehold : -1;
  const trace = ctx.trace;
  if (traceH >= 0 && trace) {
    const s = subdistrict[traceH]!;
    trace.push(traceHeader(traceH, pop, traits, eligibleMark[traceH] === 1, s < subdistrictOpens.length && subdistrictOpens[s] !== NEVER ? cal.label(Math.max(0, subdistrictOpens[s]!)) : undefined));
  }

  // Window totals (fen, counts); exact as integers below 2^53.
  let personTimes = 0;
  let cardMonths = 0;
  let discountSum = 0;
  let subsidySum = 0;
  let creditedSum = 0;
  let forfeitedSum = 0;
  let purchasesSum = 0;
  let publicSum = 0;
  let storeMonths = 0;
  let vegCapMonths = 0;
  let stapCapMonths = 0;
  let holdersAtEnd = 0;
  let outstandingAtEnd = 0;

  // Willing households take a card up a geometric number of months after their store opens.
  for (let k = 0; k < nEligible; k++) {
    const h = eligible[k]!;
    const wait = monthsUntil(takeUp, uMembership());
    if (willing[h]) nextChange[h] = monthAfter(Math.max(0, subdistrictOpens[hh.subdistrict[h]!]!), wait);
  }

  for (let m = 0; m < months; m++) {
    const inWindow = m >= winFrom && m <= winTo;
    const label = traceH >= 0 ? cal.label(m) : '';

    // Public sales: one draw per store and month whether open or not, so the roll-out never shifts the draws.
    let monthPublic = 0;
    let openStores = 0;
    for (let j = 0; j < stores; j++) {
      const u1 = uPublic();
      const u2 = uPublic();
      if (m < storeOpens[j]!) continue;
      const z = Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(TWO_PI * u2);
      monthPublic += Math.round(salesMeanFen * Math.exp(salesSigma * z - salesShift));
      openStores++;
    }

    let monthDiscount = 0;
    let monthSubsidy = 0;
    let monthPurchases = 0;
    for (let k = 0; k < nEligible; k++) {
      const h = eligible[k]!;
      if (m >= nextChange[h]!) {
        // The household takes a card up, or a card holder leaves (the month of leaving is not a card month).
        if (holder[h] === 0) {
          holder[h] = 1;
          balance[h] = 0;
          nextChange[h] = monthAfter(m + 1, monthsUntil(attrition, uMembership()));
        } else {
          holder[h] = 0;
          if (inWindow) forfeitedSum += balance[h]!;
          if (h === traceH && trace) trace.push(`supermarket ${label}: leaves the scheme; forfeits balance ${fenToYuan(balance[h]!).toFixed(2)}`);
          balance[h] = 0;
          nextChange[h] = monthAfter(m + 1, monthsUntil(takeUp, uMembership()));
          continue;
        }
      } else if (holder[h] === 0) continue;

      // A card-holder month: credit the card, count visits, shop.
      let bal = balance[h]! + creditFen;
      let forfeit = 0;
      if (bal > maxBalanceFen) {
        forfeit = bal - maxBalanceFen;
        bal = maxBalanceFen;
      }
      const balanceBefore = bal;
      const lam = visitRate[h]!;
      let visits = 0;
      if (regular) {
        // ⌊λ⌋ visits, one more with probability λ − ⌊λ⌋: mean λ, the least variance possible.
        const whole = Math.floor(lam);
        visits = whole + (uVisits() < lam - whole ? 1 : 0);
      } else if (lam < INVERSION_LIMIT) {
        // Poisson by inversion; e^{−λ} is precomputed per household.
        const x = uVisits();
        let p = expNegVisitRate[h]!;
        let cdf = p;
        while (x >= cdf && visits < 1000) {
          visits++;
          p *= lam / visits;
          cdf += p;
        }
      } else visits = poisson(uVisits, lam);

      let vegFen = 0;
      let stapFen = 0;
      let bought = 0;
      let discount = 0;
      let used = 0;
      let vegBinds = 0;
      let stapBinds = 0;
      if (visits > 0) {
        // Mean-one lognormal factors, one uniform each, tabulated (see lognormalTable.ts).
        const u1 = uBasket();
        const i1 = (u1 * TABLE_SIZE) | 0;
        const e1 = i1 > 0 && i1 < LAST_BIN ? basketAtoms[i1]! : sampleLognormal(basketTable, u1);
        const u2 = uBasket();
        const i2 = (u2 * TABLE_SIZE) | 0;
        const e2 = i2 > 0 && i2 < LAST_BIN ? basketAtoms[i2]! : sampleLognormal(basketTable, u2);
        vegFen = Math.round(vegetablesPerVisitFen[h]! * visits * e1);
        stapFen = Math.round(staplesPerVisitFen[h]! * visits * e2);
        // Vegetables and staples are part of the household's food: a month's store basket
        // never exceeds its food spending, however many visits or however large the draw.
        const food = foodSpendFen[h]!;
        if (vegFen + stapFen > food) {
          const keep = food / (vegFen + stapFen);
          vegFen = Math.floor(vegFen * keep);
          stapFen = Math.floor(stapFen * keep);
        }
        settleMonth(vegFen, stapFen, bal, terms, settled);
        bought = vegFen + stapFen + settled[OTHER_GOODS]!;
        discount = settled[DISCOUNT]!;
        used = settled[SUBSIDY_USED]!;
        vegBinds = settled[VEGETABLES_CAP_BINDS]!;
        stapBinds = settled[STAPLES_CAP_BINDS]!;
      }
      bal -= used;
      if (expire && bal > 0) {
        forfeit += bal;
        bal = 0;
      }
      balance[h] = bal;
      monthDiscount += discount;
      monthSubsidy += used;
      monthPurchases += bought;
      if (h === traceH && trace) trace.push(traceMonth(label, creditFen, balanceBefore, visits, vegFen, stapFen, settled, bal, forfeit));

      if (inWindow) {
        personTimes += visits;
        cardMonths++;
        discountSum += discount;
        subsidySum += used;
        creditedSum += creditFen;
        forfeitedSum += forfeit;
        purchasesSum += bought;
        vegCapMonths += vegBinds;
        stapCapMonths += stapBinds;
        cardMonthsCol[h] += 1;
        visitsCol[h] += visits;
        discountCol[h] += discount;
        subsidyCol[h] += used;
        purchasesCol[h] += bought;
        vegCapCol[h] += vegBinds;
        stapCapCol[h] += stapBinds;
      }
    }

    // One ledger line per flow and month. Card holders are billed at market value less the
    // subsidy the charity association pays the store for them; the operator's discount
    // settles the rest of the bill, so households' net outflow is their own spending.
    const ledger = ctx.ledger;
    ledger.transfer('charityAssociation', 'storeOperators', 'supermarket', 'subsidy', m, monthSubsidy);
    ledger.transfer('households', 'storeOperators', 'supermarket', 'cardPurchases', m, monthPurchases - monthSubsidy);
    ledger.transfer('storeOperators', 'households', 'supermarket', 'discount', m, monthDiscount);
    ledger.transfer('publicShoppers', 'storeOperators', 'supermarket', 'publicSales', m, monthPublic);

    if (inWindow) {
      publicSum += monthPublic;
      storeMonths += openStores;
    }
    if (m === winTo && winFrom <= winTo) {
      for (let k = 0; k < nEligible; k++) {
        const h = eligible[k]!;
        if (holder[h]) {
          holdersAtEnd++;
          outstandingAtEnd += balance[h]!;
        }
      }
    }
  }

  // Benefit, enrolment and per-category results from the household columns.
  const bit = enrolmentBit('supermarket');
  const benefit = ctx.outcomes.benefitFen.supermarket;
  const catBenefit = new Float64Array(CATEGORIES.length);
  const catMonths = new Float64Array(CATEGORIES.length);
  let holdersEver = 0;
  // Columns and sums that follow from the loop's: own spending = purchases − discount − subsidy;
  // food and category spending are fixed per household, so they scale with its card months.
  let categorySpendSum = 0;
  let foodSpendSum = 0;
  let personMonths = 0;
  for (let h = 0; h < n; h++) {
    const cm = cardMonthsCol[h]!;
    if (cm === 0) continue;
    ownCol[h] = purchasesCol[h]! - discountCol[h]! - subsidyCol[h]!;
    foodCol[h] = cm * foodSpendFen[h]!;
    categorySpendSum += cm * categorySpendFen[h]!;
    foodSpendSum += foodCol[h]!;
    personMonths += cm * size[h]!;
    const b = discountCol[h]! + subsidyCol[h]!;
    benefit[h] = b;
    ctx.outcomes.enrolment[h] |= bit;
    holdersEver++;
    const c = hh.category[h]!;
    catBenefit[c] += b;
    catMonths[c] += cm;
  }

  const op = sm.operator;
  const profitFen = op.grossMargin * (publicSum + purchasesSum) - discountSum - op.runningCostPerStoreMonthYuan * 100 * storeMonths;
  const out: Record<string, number> = {
    'supermarket.personTimes': personTimes,
    'supermarket.discountYuan': fenToYuan(discountSum),
    'supermarket.subsidyYuan': fenToYuan(subsidySum),
    'supermarket.cardHolders': holdersAtEnd,
    'supermarket.publicDonationPer100Yuan': 100 * ratio(discountSum, publicSum),
    'supermarket.operatorProfitYuan': fenToYuan(profitFen),
    'supermarket.cardHoldersEver': holdersEver,
    'supermarket.cardMonths': cardMonths,
    'supermarket.visitsPerCardMonth': ratio(personTimes, cardMonths),
    'supermarket.subsidyCreditedYuan': fenToYuan(creditedSum),
    'supermarket.subsidyForfeitedYuan': fenToYuan(forfeitedSum),
    'supermarket.subsidyOutstandingYuan': fenToYuan(outstandingAtEnd),
    'supermarket.ownSpendingYuan': fenToYuan(purchasesSum - discountSum - subsidySum),
    'supermarket.cardSalesYuan': fenToYuan(purchasesSum),
    'supermarket.publicSalesYuan': fenToYuan(publicSum),
    'supermarket.storeMonths': storeMonths,
    'supermarket.vegetables.capBindingShare': ratio(vegCapMonths, cardMonths),
    'supermarket.staples.capBindingShare': ratio(stapCapMonths, cardMonths),
    'supermarket.benefitPerHouseholdMonthYuan': fenToYuan(ratio(discountSum + subsidySum, cardMonths)),
    'supermarket.foodSpendingCoveredShare': ratio(discountSum + subsidySum, foodSpendSum),
    'supermarket.storeShareOfFoodSpending': ratio(purchasesSum, foodSpendSum),
    'supermarket.categorySpendPerPersonYuan': fenToYuan(ratio(categorySpendSum, personMonths)),
    'supermarket.foodSpendPerPersonYuan': fenToYuan(ratio(foodSpendSum, personMonths)),
  };
  for (let c = 0; c < CATEGORIES.length; c++) out[`supermarket.benefitPerHouseholdMonthYuan.${CATEGORIES[c]}`] = fenToYuan(ratio(catBenefit[c]!, catMonths[c]!));
  return out;
}
