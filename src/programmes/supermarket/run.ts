import { fenToYuan, yuanToFen } from '../../core/money.js';
import type { ProgrammeContext } from '../../engine/programme.js';
import { addColumn, enrolmentBit, type HouseholdOutcomes } from '../../engine/outcomes.js';
import type { Households } from '../../population/columns.js';
import { CATEGORIES } from '../../population/parameters.js';
import { type CardRules, simulateCardHolders } from './cardHolders.js';
import { eligibleHouseholds } from './eligibility.js';
import { lognormalTable } from './lognormalTable.js';
import { monthlyHazard } from './membership.js';
import { eligibleCategoryCodes } from './parameters.js';
import { drawPublicSales } from './publicSales.js';
import { buildRollout, NEVER } from './rollout.js';
import { pricingTerms } from './settle.js';
import { traceHeader } from './trace.js';
import { drawTraits, type HouseholdTraits } from './traits.js';

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

type SupermarketColumns = Record<(typeof SUPERMARKET_COLUMNS)[number], Float64Array>;

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);

/**
 * Simulates the charity supermarket for one replication: store roll-out, card take-up and
 * attrition, visits, purchases priced under the caps, the card subsidy, public sales. Posts
 * one ledger line per flow and month, fills the outcome columns and returns the metrics
 * (see metrics.ts). Each step is its own function, so that V8 optimises each loop on its own.
 */
export function runSupermarket(ctx: ProgrammeContext): Record<string, number> {
  const sm = ctx.values.supermarket;
  const pop = ctx.population;
  const hh = pop.households;
  const cal = ctx.calendar;
  const months = cal.length;

  const traits = drawTraits(ctx.values, hh, ctx.streams);
  const rollout = buildRollout(sm.stores.openingMonths, sm.stores.subdistricts, pop.subdistricts, cal);
  const eligibility = eligibleHouseholds(hh, eligibleCategoryCodes(sm.cards.eligibleCategories), rollout.subdistrictOpens);
  const col = Object.fromEntries(SUPERMARKET_COLUMNS.map((c) => [c, addColumn(ctx.outcomes, `supermarket.${c}`)])) as SupermarketColumns;
  const win = cal.window(sm.reporting.from, sm.reporting.to);

  const traced = ctx.traceHousehold !== undefined && ctx.traceHousehold >= 0 && ctx.traceHousehold < hh.count ? ctx.traceHousehold : -1;
  const trace = traced >= 0 && ctx.trace ? { household: traced, lines: ctx.trace, label: (m: number) => cal.label(m) } : undefined;
  if (trace) {
    const opens = rollout.subdistrictOpens[hh.subdistrict[traced]!];
    trace.lines.push(traceHeader(traced, pop, traits, eligibility.mark[traced] === 1, opens !== undefined && opens !== NEVER ? cal.label(Math.max(0, opens)) : undefined));
  }

  const policy = sm.subsidy.unspent;
  const rules: CardRules = {
    creditFen: yuanToFen(sm.subsidy.monthlyYuan),
    maxBalanceFen: policy === 'capped' ? yuanToFen(sm.subsidy.maxBalanceYuan) : Infinity,
    expire: policy === 'expire',
    regularVisits: sm.visits.distribution === 'regular',
    takeUp: monthlyHazard(sm.cards.monthlyTakeUp),
    attrition: monthlyHazard(sm.cards.monthlyAttrition),
    basket: lognormalTable(sm.purchases.monthlyCv),
    pricing: pricingTerms(sm),
  };
  const cards = simulateCardHolders({
    eligible: eligibility.list,
    subdistrictOpens: rollout.subdistrictOpens,
    subdistrict: hh.subdistrict,
    traits,
    rules,
    streams: { membership: ctx.streams.stream('membership'), visits: ctx.streams.stream('visits'), basket: ctx.streams.stream('basketNoise') },
    months,
    windowFrom: win.from,
    windowTo: win.to,
    columns: { cardMonths: col.cardMonths, visits: col.visits, discountFen: col.discountFen, subsidyFen: col.subsidyFen, storePurchasesFen: col.storePurchasesFen, vegetablesCapMonths: col.vegetablesCapMonths, staplesCapMonths: col.staplesCapMonths },
    ...(trace ? { trace } : {}),
  });
  const sales = drawPublicSales(ctx.streams.stream('publicSales'), rollout.storeOpens, months, sm.public.salesPerStoreMonthYuan * 100, sm.public.salesCv);

  // One ledger line per flow and month. Card holders are billed at market value less the
  // subsidy the charity association pays the store for them; the operator's discount
  // settles the rest of the bill, so households' net outflow is their own spending.
  const ledger = ctx.ledger;
  let publicSum = 0;
  let storeMonths = 0;
  for (let m = 0; m < months; m++) {
    ledger.transfer('charityAssociation', 'storeOperators', 'supermarket', 'subsidy', m, cards.monthSubsidyFen[m]!);
    ledger.transfer('households', 'storeOperators', 'supermarket', 'cardPurchases', m, cards.monthPurchasesFen[m]! - cards.monthSubsidyFen[m]!);
    ledger.transfer('storeOperators', 'households', 'supermarket', 'discount', m, cards.monthDiscountFen[m]!);
    ledger.transfer('publicShoppers', 'storeOperators', 'supermarket', 'publicSales', m, sales.fen[m]!);
    if (m >= win.from && m <= win.to) {
      publicSum += sales.fen[m]!;
      storeMonths += sales.openStores[m]!;
    }
  }

  const benefits = collectBenefits(hh, traits, col, ctx.outcomes);
  const { cardMonths, personTimes, discountFen: discountSum, subsidyFen: subsidySum, purchasesFen: purchasesSum } = cards;
  const op = sm.operator;
  const profitFen = op.grossMargin * (publicSum + purchasesSum) - discountSum - op.runningCostPerStoreMonthYuan * 100 * storeMonths;
  const out: Record<string, number> = {
    'supermarket.personTimes': personTimes,
    'supermarket.discountYuan': fenToYuan(discountSum),
    'supermarket.subsidyYuan': fenToYuan(subsidySum),
    'supermarket.cardHolders': cards.holdersAtEnd,
    'supermarket.publicDonationPer100Yuan': 100 * ratio(discountSum, publicSum),
    'supermarket.operatorProfitYuan': fenToYuan(profitFen),
    'supermarket.cardHoldersEver': benefits.holdersEver,
    'supermarket.cardMonths': cardMonths,
    'supermarket.visitsPerCardMonth': ratio(personTimes, cardMonths),
    'supermarket.subsidyCreditedYuan': fenToYuan(cards.creditedFen),
    'supermarket.subsidyForfeitedYuan': fenToYuan(cards.forfeitedFen),
    'supermarket.subsidyOutstandingYuan': fenToYuan(cards.outstandingFen),
    'supermarket.ownSpendingYuan': fenToYuan(purchasesSum - discountSum - subsidySum),
    'supermarket.cardSalesYuan': fenToYuan(purchasesSum),
    'supermarket.publicSalesYuan': fenToYuan(publicSum),
    'supermarket.storeMonths': storeMonths,
    'supermarket.vegetables.capBindingShare': ratio(cards.vegetablesCapMonths, cardMonths),
    'supermarket.staples.capBindingShare': ratio(cards.staplesCapMonths, cardMonths),
    'supermarket.benefitPerHouseholdMonthYuan': fenToYuan(ratio(discountSum + subsidySum, cardMonths)),
    'supermarket.foodSpendingCoveredShare': ratio(discountSum + subsidySum, benefits.foodSpendFen),
    'supermarket.storeShareOfFoodSpending': ratio(purchasesSum, benefits.foodSpendFen),
    'supermarket.categorySpendPerPersonYuan': fenToYuan(ratio(benefits.categorySpendFen, benefits.personMonths)),
    'supermarket.foodSpendPerPersonYuan': fenToYuan(ratio(benefits.foodSpendFen, benefits.personMonths)),
  };
  for (let c = 0; c < CATEGORIES.length; c++) out[`supermarket.benefitPerHouseholdMonthYuan.${CATEGORIES[c]}`] = fenToYuan(ratio(benefits.categoryBenefitFen[c]!, benefits.categoryCardMonths[c]!));
  return out;
}

/**
 * Benefit, enrolment and per-category results from the household columns, and the columns
 * that follow from the loop's: own spending = purchases − discount − subsidy; food and
 * category spending are fixed per household, so they scale with its card months.
 */
function collectBenefits(hh: Households, traits: HouseholdTraits, col: SupermarketColumns, outcomes: HouseholdOutcomes) {
  const bit = enrolmentBit('supermarket');
  const benefit = outcomes.benefitFen.supermarket;
  const enrolment = outcomes.enrolment;
  const { foodSpendFen, categorySpendFen } = traits;
  const { cardMonths: cardMonthsCol, discountFen, subsidyFen, storePurchasesFen, ownSpendingFen, foodSpendingFen } = col;
  const categoryBenefitFen = new Float64Array(CATEGORIES.length);
  const categoryCardMonths = new Float64Array(CATEGORIES.length);
  let holdersEver = 0;
  let categorySpendSum = 0;
  let foodSpendSum = 0;
  let personMonths = 0;
  for (let h = 0; h < hh.count; h++) {
    const cm = cardMonthsCol[h]!;
    if (cm === 0) continue;
    ownSpendingFen[h] = storePurchasesFen[h]! - discountFen[h]! - subsidyFen[h]!;
    const food = cm * foodSpendFen[h]!;
    foodSpendingFen[h] = food;
    foodSpendSum += food;
    categorySpendSum += cm * categorySpendFen[h]!;
    personMonths += cm * hh.size[h]!;
    const b = discountFen[h]! + subsidyFen[h]!;
    benefit[h] = b;
    enrolment[h] |= bit;
    holdersEver++;
    const c = hh.category[h]!;
    categoryBenefitFen[c] += b;
    categoryCardMonths[c] += cm;
  }
  return { holdersEver, categorySpendFen: categorySpendSum, foodSpendFen: foodSpendSum, personMonths, categoryBenefitFen, categoryCardMonths };
}
