import { yuanToFen } from '../../core/money.js';
import { cumulativeWeights } from '../../core/rng/samplers/categorical.js';
import { lognormalParamsFromMeanCv } from '../../core/rng/samplers/lognormal.js';
import type { ScenarioValues } from '../../scenario/catalogue.js';
import { layer, type Layer } from './layer.js';
import { PERSON_TYPES } from './parameters.js';

/** Cost of a stay or an injury: lognormal (μ, σ) or gamma (shape, scale), in fen; cv 0 = a constant. */
export interface CostLaw {
  readonly gamma: boolean;
  readonly a: number;
  readonly b: number;
  readonly constant: number;
}

/**
 * The insurance parameters turned into what the hot loop reads: money in fen, annual rates,
 * cumulative weights as typed arrays. Built once per replication.
 */
export interface CompiledInsurance {
  /** 0 negative binomial, 1 zero-inflated Poisson. */
  readonly frequencyModel: 0 | 1;
  /** By person type (PERSON_TYPES order). */
  readonly admissions: Float64Array;
  readonly dispersion: Float64Array;
  readonly zeroShare: Float64Array;
  /** Cumulative level weights, 3 per person type. */
  readonly levelCdf: Float64Array;
  /** By hospital level. */
  readonly stayCost: readonly CostLaw[];
  readonly losMean: Float64Array;
  readonly losDispersion: number;

  readonly accidentRate: number;
  readonly deathShare: number;
  readonly disabilityShare: number;
  readonly gradeCdf: Float64Array;
  readonly accidentInpatientShare: number;
  readonly accidentCost: CostLaw;

  readonly catalogueShare: number;
  /** Resident basic insurance by hospital level: per-stay deductible, rate, annual cap. */
  readonly basic: readonly Layer[];
  /** Serious-illness insurance: band starts (fen) and rates on annual catalogue out-of-pocket. */
  readonly seriousStarts: Float64Array;
  readonly seriousRates: Float64Array;
  readonly seriousCap: number;
  readonly mutual: Layer;

  readonly deathSum: number;
  readonly disabilitySum: number;
  readonly gradePayout: Float64Array;
  readonly accidentMedical: Layer;
  readonly accMedReasonable: number;
  readonly topUp: Layer;
  readonly topUpReasonable: number;
  /** 1 when the person type may claim the top-up. */
  readonly topUpEligible: Uint8Array;
  /** Per-day layer: the loss is perDay × days. */
  readonly allowance: Layer;

  /** 0 "before" means no insurance, 1 basic and serious-illness insurance only. */
  readonly beforeMode: 0 | 1;
}

function costLaw(kind: 'lognormal' | 'gamma', meanYuan: number, cv: number): CostLaw {
  const mean = meanYuan * 100;
  if (!(cv > 0) || !(mean > 0)) return { gamma: false, a: 0, b: 0, constant: mean };
  if (kind === 'gamma') {
    const shape = 1 / (cv * cv);
    return { gamma: true, a: shape, b: mean / shape, constant: -1 };
  }
  const { mu, sigma } = lognormalParamsFromMeanCv(mean, cv);
  return { gamma: false, a: mu, b: sigma, constant: -1 };
}

const fen = (yuan: number): number => (yuan === Infinity ? Infinity : yuanToFen(yuan));

/** Compiles the `insurance` section of a scenario for the kernel. */
export function compileInsurance(values: ScenarioValues): CompiledInsurance {
  const v = values.insurance;
  const f = v.frequency;
  const groups = PERSON_TYPES.map((t) => f[t]);
  const levelCdf = new Float64Array(3 * groups.length);
  groups.forEach((g, i) => levelCdf.set(cumulativeWeights(g.levelWeights), 3 * i));
  const eligible = new Uint8Array(PERSON_TYPES.length);
  PERSON_TYPES.forEach((t, i) => (eligible[i] = (v.topUp.eligibleGroups as readonly string[]).includes(t) ? 1 : 0));
  return {
    frequencyModel: f.model === 'negativeBinomial' ? 0 : 1,
    admissions: Float64Array.from(groups.map((g) => g.admissionsPerYear)),
    dispersion: Float64Array.from(groups.map((g) => g.dispersion)),
    zeroShare: Float64Array.from(groups.map((g) => g.zeroShare)),
    levelCdf,
    stayCost: v.stay.costMeanYuan.map((m, i) => costLaw(v.stay.costDistribution, m, v.stay.costCv[i]!)),
    losMean: Float64Array.from(v.stay.lengthMeanDays),
    losDispersion: v.stay.lengthDispersion,
    accidentRate: v.accident.incidencePerYear,
    deathShare: v.accident.deathShare,
    disabilityShare: v.accident.disabilityShare,
    gradeCdf: cumulativeWeights(v.accident.gradeWeights),
    accidentInpatientShare: v.accident.inpatientShare,
    accidentCost: costLaw(v.stay.costDistribution, v.accident.costMeanYuan, v.accident.costCv),
    catalogueShare: v.basic.catalogueShare,
    basic: v.basic.deductibleYuan.map((d, i) => layer({ deductible: fen(d), coinsurance: v.basic.reimbursementRate[i]!, annualLimit: fen(v.basic.annualCapYuan) })),
    seriousStarts: Float64Array.from(v.seriousIllness.bandStartsYuan.map(fen)),
    seriousRates: Float64Array.from(v.seriousIllness.bandRates),
    seriousCap: fen(v.seriousIllness.annualCapYuan),
    mutual: layer({ deductible: fen(v.mutual.deductibleYuan), coinsurance: v.mutual.rate, annualLimit: fen(v.mutual.annualLimitYuan) }),
    deathSum: fen(v.accidentDeath.sumInsuredYuan),
    disabilitySum: fen(v.disability.sumInsuredYuan),
    gradePayout: Float64Array.from(v.disability.gradePayout),
    // "保险金额最高为5万元" is a sum insured: a limit on payments per person-year.
    accidentMedical: layer({ deductible: fen(v.accidentMedical.deductibleYuan), coinsurance: v.accidentMedical.rate, annualLimit: fen(v.accidentMedical.annualLimitYuan) }),
    accMedReasonable: v.accidentMedical.reasonableShare,
    topUp: layer({ coinsurance: v.topUp.rate, annualLimit: fen(v.topUp.annualLimitYuan) }),
    topUpReasonable: v.topUp.reasonableShare,
    topUpEligible: eligible,
    allowance: layer({ perDay: fen(v.allowance.perDayYuan), deductible: v.allowance.deductibleDays * fen(v.allowance.perDayYuan), annualLimit: fen(v.allowance.annualLimitYuan) }),
    beforeMode: v.catastrophic.before === 'noInsurance' ? 0 : 1,
  };
}
