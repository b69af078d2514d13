import type { ProgrammeModule } from '../../engine/programme.js';
import { supermarketMetrics } from './metrics.js';
import { runSupermarket } from './run.js';

/**
 * The charity benefit supermarket (慈善惠民超市): card holders buy vegetables and staples
 * at a discount up to monthly caps and spend a monthly card subsidy; the public buys at
 * market price. See docs/supermarket.md.
 */
export const supermarketProgramme: ProgrammeModule = {
  id: 'supermarket',
  metrics: supermarketMetrics,
  run: runSupermarket,
};

export { supermarketMetrics } from './metrics.js';
export { supermarketParameters, CAP_BASES, UNSPENT_POLICIES, type CapBasis, type UnspentPolicy } from './parameters.js';
export { capMarketValueFen, capWorthFen, categoryDiscountFen } from './pricing.js';
export { pricingTerms, settleMonth, type PricingTerms } from './settle.js';
export { storeShare } from './share.js';
export { SUPERMARKET_COLUMNS } from './run.js';
export { simulateSupermarket, type SupermarketReplications } from './replications.js';
export { benefitByCategory, benefitByHouseholdSize, benefitBySubdistrict, benefitByVisitFrequency, cardHolderRows } from './tables.js';
