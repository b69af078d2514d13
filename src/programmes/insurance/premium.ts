import { yuanToFen } from '../../core/money.js';
import type { Population } from '../../population/columns.js';
import type { ScenarioValues } from '../../scenario/catalogue.js';
import { ScenarioError } from '../../scenario/issues.js';
import { personType } from './selection.js';

/** What the funding buys: which households, and the premiums paid for them (fen). */
export interface Purchase {
  /** Household indices insured, in assessment order. */
  readonly households: Int32Array;
  readonly basicPremiumFen: number;
  readonly mutualPremiumFen: number;
  readonly commercialPremiumFen: number;
  /** Everything paid: basic + mutual + commercial premiums (≤ the funding). */
  readonly spentFen: number;
}

/**
 * Buys the package for households in assessment order.
 * - `fundingRemainder` (the article's year): the first `households` candidates are insured;
 *   the commercial premium is whatever the funding leaves after their basic and mutual
 *   premiums, so the funding is spent in full. A funding below those premiums is an error.
 * - `expectedClaims`: each household's commercial premium is its members' expected claims ×
 *   (1 + loading); `fixedPerHousehold`: a fixed premium each. Households are bought in order
 *   while the funding lasts, up to `households`; the budget decides how many.
 * `expectedFen` gives expected claims per person-year by person type (expectedClaims mode).
 */
export function buyCover(values: ScenarioValues, pop: Population, ranked: Int32Array, expectedFen: Float64Array | null): Purchase {
  const v = values.insurance;
  const funding = yuanToFen(v.fundingYuan);
  const basicPer = yuanToFen(v.basic.premiumPerPersonYuan);
  const mutualPer = yuanToFen(v.mutual.premiumPerPersonYuan);
  const max = Math.min(v.households, ranked.length);
  const size = pop.households.size;

  if (v.premium.mode === 'fundingRemainder') {
    let persons = 0;
    for (let i = 0; i < max; i++) persons += size[ranked[i]!]!;
    const basic = persons * basicPer;
    const mutual = persons * mutualPer;
    if (basic + mutual > funding) {
      throw new ScenarioError([{ file: '(simulation)', path: 'insurance.fundingYuan', problem: `the funding is below the basic and mutual premiums of the ${max} households it must insure`, got: v.fundingYuan, expected: `at least ${(basic + mutual) / 100} yuan` }]);
    }
    // Nobody to insure buys nothing: the funding is not spent.
    if (max === 0) return { households: new Int32Array(0), basicPremiumFen: 0, mutualPremiumFen: 0, commercialPremiumFen: 0, spentFen: 0 };
    return { households: ranked.slice(0, max), basicPremiumFen: basic, mutualPremiumFen: mutual, commercialPremiumFen: funding - basic - mutual, spentFen: funding };
  }

  const fixed = yuanToFen(v.premium.fixedPerHouseholdYuan);
  const loading = 1 + v.premium.loading;
  let spent = 0;
  let basic = 0;
  let mutual = 0;
  let commercial = 0;
  let n = 0;
  for (; n < max; n++) {
    const h = ranked[n]!;
    let own = fixed;
    if (v.premium.mode === 'expectedClaims') {
      if (!expectedFen) throw new Error('buyCover: expectedClaims mode needs expected claims by person type');
      let e = 0;
      const first = pop.households.firstPerson[h]!;
      for (let k = first; k < first + size[h]!; k++) e += expectedFen[personType(pop, k)]!;
      own = Math.round(e * loading);
    }
    const cost = size[h]! * (basicPer + mutualPer) + own;
    if (spent + cost > funding) break;
    spent += cost;
    basic += size[h]! * basicPer;
    mutual += size[h]! * mutualPer;
    commercial += own;
  }
  return { households: ranked.slice(0, n), basicPremiumFen: basic, mutualPremiumFen: mutual, commercialPremiumFen: commercial, spentFen: spent };
}
