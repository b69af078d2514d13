import type { Calendar } from '../../core/calendar.js';
import { cumulativeWeights } from '../../core/rng/samplers/categorical.js';
import { lognormalParamsFromMeanCv } from '../../core/rng/samplers/lognormal.js';
import { yuanToFen } from '../../core/money.js';
import { CATEGORIES } from '../../population/parameters.js';
import type { ScenarioValues } from '../../scenario/catalogue.js';
import { DONOR_TYPES, NEED_TYPES, type MatchingPolicy } from './vocabulary.js';

/**
 * The pairing parameters as the monthly loop uses them: money in fen, months as calendar
 * indices, per-type values in small typed arrays indexed by the vocabulary's codes.
 */
export interface PairingConfig {
  /** Calendar index of the platform's first month (clipped to ≥ 0). */
  readonly firstMonth: number;
  /** Number of calendar months. */
  readonly months: number;
  /** Reporting window as calendar indices; empty when windowFrom > windowTo. */
  readonly windowFrom: number;
  readonly windowTo: number;
  readonly split: boolean;
  readonly combine: boolean;
  readonly policy: MatchingPolicy;
  /** By donor type (DONOR_TYPES order). */
  readonly arrivalsPerMonth: Float64Array;
  readonly reliability: Float64Array;
  readonly offers: readonly [money: Float64Array, employment: Float64Array, skills: Float64Array];
  /** Lognormal μ and σ of the monthly money pledge, in fen. */
  readonly pledgeMu: Float64Array;
  readonly pledgeSigma: Float64Array;
  readonly pledgeMeanFen: Float64Array;
  readonly durationMonths: Int32Array;
  readonly reliabilityDispersion: number;
  readonly needTypePreferenceShare: number;
  /** Need-type codes a preferring money donor chooses among. */
  readonly preferredNeedTypes: Int32Array;
  readonly subdistrictPreferenceShare: number;
  readonly upfrontShare: number;
  readonly pairingShare: number;
  readonly goodsShare: number;
  readonly goodsValuation: number;
  readonly placesPerPledge: number;
  /** Value per place-month by help kind (index 1 employment, 2 skills; 0 unused). */
  readonly placeValueFen: Float64Array;
  /** 1 for household categories the communities refer. */
  readonly eligibleCategory: Uint8Array;
  readonly referralRate: number;
  readonly meanNeedMonths: number;
  /** Cumulative need-type weights, or undefined when every weight is zero. */
  readonly needTypeCdf: Float64Array | undefined;
  readonly needMu: Float64Array;
  readonly needSigma: Float64Array;
  readonly needMeanFen: Float64Array;
  readonly assessmentCapacity: number;
  readonly assessmentMonths: number;
  readonly minUrgency: number;
  readonly coverageTarget: number;
  readonly pairedShare: number;
  readonly lateDelayMonths: number;
  readonly missingShare: number;
  readonly monitoringInterval: number;
  readonly detectionRate: number;
  readonly activitySpendShare: number;
}

function lognormalColumns(means: number[], cvs: number[]): { mu: Float64Array; sigma: Float64Array } {
  const mu = new Float64Array(means.length);
  const sigma = new Float64Array(means.length);
  for (let i = 0; i < means.length; i++) {
    if (means[i]! > 0) {
      const q = lognormalParamsFromMeanCv(means[i]!, cvs[i]!);
      mu[i] = q.mu;
      sigma[i] = q.sigma;
    } else mu[i] = Number.NEGATIVE_INFINITY; // exp(−∞) = 0: a zero mean gives zero amounts
  }
  return { mu, sigma };
}

/** Resolves validated scenario values into the loop's configuration. */
export function resolvePairingConfig(values: ScenarioValues, calendar: Calendar): PairingConfig {
  const v = values.pairing;
  const donors = DONOR_TYPES.map((t) => v.donors[t]);
  const pledgeMeanFen = donors.map((d) => yuanToFen(d.monthlyPledgeYuan));
  const pledge = lognormalColumns(pledgeMeanFen, donors.map((d) => d.pledgeCv));
  const needs = NEED_TYPES.map((t) => v.needs[t]);
  const needMeanFen = needs.map((n) => yuanToFen(n.meanMonthlyYuan));
  const need = lognormalColumns(needMeanFen, needs.map((n) => n.cv));
  const weights = needs.map((n) => n.weight);
  const window = calendar.window(v.window.from, v.window.to);
  return {
    firstMonth: Math.max(0, calendar.index(v.start)),
    months: calendar.length,
    windowFrom: window.from,
    windowTo: window.to,
    split: v.forms.includes('oneToMany'),
    combine: v.forms.includes('manyToOne'),
    policy: v.policy,
    arrivalsPerMonth: Float64Array.from(donors.map((d) => d.arrivalsPerMonth)),
    reliability: Float64Array.from(donors.map((d) => d.reliability)),
    offers: [Float64Array.from(donors.map((d) => d.offersMoney)), Float64Array.from(donors.map((d) => d.offersEmployment)), Float64Array.from(donors.map((d) => d.offersSkills))],
    pledgeMu: pledge.mu,
    pledgeSigma: pledge.sigma,
    pledgeMeanFen: Float64Array.from(pledgeMeanFen),
    durationMonths: Int32Array.from(donors.map((d) => d.durationMonths)),
    reliabilityDispersion: v.donors.reliabilityDispersion,
    needTypePreferenceShare: v.preferences.needTypeShare,
    preferredNeedTypes: Int32Array.from(v.preferences.needTypes.map((t) => NEED_TYPES.indexOf(t as (typeof NEED_TYPES)[number]))),
    subdistrictPreferenceShare: v.preferences.subdistrictShare,
    upfrontShare: v.pledges.upfrontShare,
    pairingShare: v.pledges.pairingShare,
    goodsShare: v.pledges.goodsShare,
    goodsValuation: v.pledges.goodsValuation,
    placesPerPledge: v.pledges.placesPerPledge,
    placeValueFen: Float64Array.from([0, yuanToFen(v.help.employmentPlaceYuan), yuanToFen(v.help.skillsPlaceYuan)]),
    eligibleCategory: Uint8Array.from(CATEGORIES.map((c) => (v.needs.eligibleCategories.includes(c) ? 1 : 0))),
    referralRate: v.needs.referralRatePerMonth,
    meanNeedMonths: v.needs.meanNeedMonths,
    needTypeCdf: weights.some((w) => w > 0) ? cumulativeWeights(weights) : undefined,
    needMu: need.mu,
    needSigma: need.sigma,
    needMeanFen: Float64Array.from(needMeanFen),
    assessmentCapacity: v.assessment.capacityPerMonth,
    assessmentMonths: v.assessment.months,
    minUrgency: v.assessment.minUrgency,
    coverageTarget: v.matching.coverageTarget,
    pairedShare: v.matching.pairedShare,
    lateDelayMonths: v.delivery.lateDelayMonths,
    missingShare: v.delivery.missingShare,
    monitoringInterval: v.monitoring.intervalMonths,
    detectionRate: v.monitoring.detectionRate,
    activitySpendShare: v.activities.monthlySpendShare,
  };
}
