import { fenToYuan, yuanToFen } from '../../core/money.js';
import { poisson } from '../../core/rng/samplers/index.js';
import type { ProgrammeContext } from '../../engine/programme.js';
import { addColumn, enrolmentBit } from '../../engine/outcomes.js';
import { CATEGORIES } from '../../population/parameters.js';
import { eligibleCategoryCodes } from './parameters.js';
import { buildRollout, NEVER } from './rollout.js';
import { DISCOUNT, OTHER_GOODS, OWN_SPENDING, pricingTerms, settleMonth, SETTLED_SLOTS, STAPLES_CAP_BINDS, SUBSIDY_USED, VEGETABLES_CAP_BINDS } from './settle.js';
import { traceHeader, traceMonth } from './trace.js';
import { drawTraits } from './traits.js';

const TWO_PI = 2 * Math.PI;
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

/** Lognormal multiplier with mean 1: exp(σz − σ²/2), where σ² = ln(1 + cv²). */
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
  const balance = new Float64Array(n);
  const settled = new Float64Array(SETTLED_SLOTS);

  const creditFen = yuanToFen(sm.subsidy.monthlyYuan);
  const policy = sm.subsidy.unspent;
  const expire = policy === 'expire';
  const maxBalanceFen = policy === 'capped' ? yuanToFen(sm.subsidy.maxBalanceYuan) : Infinity;
  const regular = sm.visits.distribution === 'regular';
  const takeUp = sm.cards.monthlyTakeUp;
  const attrition = sm.cards.monthlyAttrition;
  const basketSigma = logSd(sm.purchases.monthlyCv);
  const basketShift = (basketSigma * basketSigma) / 2;
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
  let ownSum = 0;
  let purchasesSum = 0;
  let publicSum = 0;
  let storeMonths = 0;
  let vegCapMonths = 0;
  let stapCapMonths = 0;
  let categorySpendSum = 0;
  let foodSpendSum = 0;
  let personMonths = 0;
  let holdersAtEnd = 0;
  let outstandingAtEnd = 0;

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
      if (m < subdistrictOpens[subdistrict[h]!]!) continue;
      const u = uMembership();
      if (holder[h] === 0) {
        if (willing[h] === 0 || u >= takeUp) continue;
        holder[h] = 1;
        balance[h] = 0;
      } else if (u < attrition) {
        holder[h] = 0;
        if (inWindow) forfeitedSum += balance[h]!;
        if (h === traceH && trace) trace.push(`supermarket ${label}: leaves the scheme; forfeits balance ${fenToYuan(balance[h]!).toFixed(2)}`);
        balance[h] = 0;
        continue;
      }

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
      let own = 0;
      let vegBinds = 0;
      let stapBinds = 0;
      if (visits > 0) {
        // Two independent normals by Marsaglia's polar method (no trigonometry in the hot loop).
        let x: number, y: number, q: number;
        do {
          x = 2 * uBasket() - 1;
          y = 2 * uBasket() - 1;
          q = x * x + y * y;
        } while (q >= 1 || q === 0);
        const f = basketSigma * Math.sqrt((-2 * Math.log(q)) / q);
        vegFen = Math.round(vegetablesPerVisitFen[h]! * visits * Math.exp(f * x - basketShift));
        stapFen = Math.round(staplesPerVisitFen[h]! * visits * Math.exp(f * y - basketShift));
        settleMonth(vegFen, stapFen, bal, terms, settled);
        bought = vegFen + stapFen + settled[OTHER_GOODS]!;
        discount = settled[DISCOUNT]!;
        used = settled[SUBSIDY_USED]!;
        own = settled[OWN_SPENDING]!;
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
        ownSum += own;
        purchasesSum += bought;
        vegCapMonths += vegBinds;
        stapCapMonths += stapBinds;
        categorySpendSum += categorySpendFen[h]!;
        foodSpendSum += foodSpendFen[h]!;
        personMonths += size[h]!;
        cardMonthsCol[h] += 1;
        visitsCol[h] += visits;
        discountCol[h] += discount;
        subsidyCol[h] += used;
        ownCol[h] += own;
        purchasesCol[h] += bought;
        foodCol[h] += foodSpendFen[h]!;
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
  for (let h = 0; h < n; h++) {
    const cm = cardMonthsCol[h]!;
    if (cm === 0) continue;
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
    'supermarket.ownSpendingYuan': fenToYuan(ownSum),
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
