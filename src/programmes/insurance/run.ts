import type { Account } from '../../core/accounts.js';
import type { Ledger } from '../../core/ledger.js';
import { fenToYuan, roundFen } from '../../core/money.js';
import { addColumn, enrolmentBit } from '../../engine/outcomes.js';
import type { ProgrammeContext } from '../../engine/programme.js';
import { quantileSorted } from '../../metrics/summary.js';
import { householdMeansFen, isCatastrophic } from './catastrophic.js';
import { compileInsurance } from './compile.js';
import { COMMERCIAL_COVERS, F_BASIC, F_MUTUAL, F_SERIOUS, FLOW_COUNT, FLOWS } from './flows.js';
import { insuranceMetrics } from './metrics.js';
import { PERSON_TYPES } from './parameters.js';
import { buyCover, type Purchase } from './premium.js';
import { expectedClaimsByType } from './pricing.js';
import { buildBook, rankCandidates } from './selection.js';
import { allocatePersonResults, allocateYearScratch, simulateYear, yearStreams, type TraceSink } from './year.js';

/** The months of the policy year that fall inside the simulated calendar. */
export function policyWindow(ctx: ProgrammeContext): { from: number; months: number } {
  const start = ctx.calendar.index(ctx.values.insurance.policyStart);
  const from = Math.max(0, start);
  const to = Math.min(ctx.calendar.length - 1, start + 11);
  return { from, months: Math.max(0, to - from + 1) };
}

/** Every metric at zero: the programme did not run (no policy month simulated). */
function zeros(): Record<string, number> {
  return Object.fromEntries(insuranceMetrics.map((m) => [m.id, 0]));
}

/** Splits a premium between the district budget and the charity association and posts it. */
function postPremium(ledger: Ledger, payee: Account, flow: string, month: number, fen: number, charityShare: number): void {
  const charity = roundFen(fen * charityShare);
  ledger.transfer('charityAssociation', payee, 'insurance', flow, month, charity);
  ledger.transfer('districtBudget', payee, 'insurance', flow, month, fen - charity);
}

/**
 * One replication of the insurance programme: rank the special-hardship households, buy
 * the package, simulate the policy year month by month, post premiums and monthly claim
 * totals to the ledger, fill the household columns, and re-simulate extra years of the same
 * book for the claims distribution.
 */
export function runInsurance(ctx: ProgrammeContext): Record<string, number> {
  const { values, population: pop, ledger, outcomes } = ctx;
  const v = values.insurance;
  const window = policyWindow(ctx);
  const trace = ctx.traceHousehold !== undefined ? ctx.trace : undefined;
  if (window.months === 0) {
    trace?.push(`insurance: the policy year from ${v.policyStart} is outside the simulated months; nothing is insured`);
    return zeros();
  }
  const c = compileInsurance(values);
  const ranked = rankCandidates(pop);
  const expected = v.premium.mode === 'expectedClaims' ? expectedClaimsByType(values, ctx.streams.seed).meanFen : null;
  const purchase = buyCover(values, pop, ranked, expected);
  const book = buildBook(pop, purchase.households);
  const nHouseholds = purchase.households.length;
  const nPersons = book.types.length;

  const month0 = window.from;
  postPremium(ledger, 'medicalInsuranceFund', 'premium:basic', month0, purchase.basicPremiumFen, v.charityShare);
  postPremium(ledger, 'medicalInsuranceFund', 'premium:mutual', month0, purchase.mutualPremiumFen, v.charityShare);
  postPremium(ledger, 'insurer', 'premium:commercial', month0, purchase.commercialPremiumFen, v.charityShare);

  const tracedSlot = trace ? traceSelection(ctx, ranked, purchase) : -1;
  const sink: TraceSink | null = trace && tracedSlot >= 0 ? { from: book.firstPerson[tracedSlot]!, to: book.firstPerson[tracedSlot + 1]!, lines: trace, monthLabel: (m) => ctx.calendar.label(month0 + m) } : null;

  const flows = new Float64Array(FLOW_COUNT * window.months);
  const persons = allocatePersonResults(nPersons);
  const scratch = allocateYearScratch(nPersons);
  const claimsFen = simulateYear({ c, types: book.types, months: window.months, streams: yearStreams(ctx.streams, 'year'), scratch, flows, persons, trace: sink });

  for (let m = 0; m < window.months; m++) {
    for (let f = 0; f < FLOW_COUNT; f++) {
      const { flow, payer, payee } = FLOWS[f]!;
      ledger.transfer(payer, payee, 'insurance', flow, month0 + m, flows[m * FLOW_COUNT + f]!);
    }
  }

  // Household columns and catastrophic expenditure.
  const benefit = outcomes.benefitFen.insurance;
  const bit = enrolmentBit('insurance');
  const colCost = addColumn(outcomes, 'insurance.medicalCostFen');
  const colBefore = addColumn(outcomes, 'insurance.oopBeforeFen');
  const colAfter = addColumn(outcomes, 'insurance.oopAfterFen');
  const colClaims = addColumn(outcomes, 'insurance.commercialClaimsFen');
  const colCatBefore = addColumn(outcomes, 'insurance.catastrophicBefore');
  const colCatAfter = addColumn(outcomes, 'insurance.catastrophicAfter');
  const { measure, threshold } = v.catastrophic;
  let catBefore = 0;
  let catAfter = 0;
  let costFen = 0;
  let beforeFen = 0;
  let afterFen = 0;
  for (let i = 0; i < nHouseholds; i++) {
    const h = purchase.households[i]!;
    let relief = 0;
    let cost = 0;
    let before = 0;
    let after = 0;
    let claims = 0;
    for (let k = book.firstPerson[i]!; k < book.firstPerson[i + 1]!; k++) {
      relief += persons.relief[k]!;
      cost += persons.cost[k]!;
      before += persons.oopBefore[k]!;
      after += persons.oopAfter[k]!;
      claims += persons.commercial[k]!;
    }
    benefit[h] = benefit[h]! + relief;
    outcomes.enrolment[h] = outcomes.enrolment[h]! | bit;
    colCost[h] = cost;
    colBefore[h] = before;
    colAfter[h] = after;
    colClaims[h] = claims;
    const means = householdMeansFen(pop.households.incomeFen[h]!, window.months, values.population.foodShare, measure);
    if (isCatastrophic(before, means, threshold)) (catBefore++, (colCatBefore[h] = 1));
    if (isCatastrophic(after, means, threshold)) (catAfter++, (colCatAfter[h] = 1));
    costFen += cost;
    beforeFen += before;
    afterFen += after;
    if (i === tracedSlot && trace) {
      trace.push(`insurance: year's medical cost ${fenToYuan(cost).toFixed(2)} yuan; out-of-pocket ${fenToYuan(before).toFixed(2)} without the package, ${fenToYuan(after).toFixed(2)} with it; commercial claims ${fenToYuan(claims).toFixed(2)}; package relief ${fenToYuan(relief).toFixed(2)}`);
      trace.push(`insurance: means ${fenToYuan(means).toFixed(2)} yuan (${measure}); catastrophic (≥ ${threshold * 100}%): before ${colCatBefore[h] === 1 ? 'yes' : 'no'}, after ${colCatAfter[h] === 1 ? 'yes' : 'no'}`);
    }
  }

  // Claim rates and admissions by person type.
  const nTypes = PERSON_TYPES.length;
  const personsByType = new Float64Array(nTypes);
  const claimedByType = new Float64Array(nTypes);
  const staysByType = new Float64Array(nTypes);
  for (let k = 0; k < nPersons; k++) {
    const t = book.types[k]!;
    personsByType[t]!++;
    claimedByType[t]! += persons.claimed[k]!;
    staysByType[t]! += persons.stays[k]!;
  }
  const groups = v.claimRateGroups as readonly string[];
  let poor = 0;
  let poorClaimed = 0;
  for (let t = 0; t < nTypes; t++) {
    if (!groups.includes(PERSON_TYPES[t]!)) continue;
    poor += personsByType[t]!;
    poorClaimed += claimedByType[t]!;
  }

  // The claims distribution: extra years of the same book on their own streams.
  const riskYears = v.risk.extraYears;
  const yearly = new Float64Array(Math.max(1, riskYears));
  if (riskYears === 0) yearly[0] = claimsFen;
  else {
    const riskStreams = yearStreams(ctx.streams, 'risk');
    for (let y = 0; y < riskYears; y++) yearly[y] = simulateYear({ c, types: book.types, months: window.months, streams: riskStreams, scratch, flows: null, persons: null, trace: null });
  }
  yearly.sort();
  let exceed = 0;
  for (let y = 0; y < yearly.length; y++) if (yearly[y]! > purchase.commercialPremiumFen) exceed++;

  const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
  const perYear = 12 / window.months;
  const byFlow = (f: number): number => {
    let s = 0;
    for (let m = 0; m < window.months; m++) s += flows[m * FLOW_COUNT + f]!;
    return s;
  };
  const out: Record<string, number> = {
    'insurance.households': nHouseholds,
    'insurance.persons': nPersons,
    'insurance.illnessPoorPersons': poor,
    'insurance.fundingYuan': fenToYuan(purchase.spentFen),
    'insurance.basicPremiumsYuan': fenToYuan(purchase.basicPremiumFen + purchase.mutualPremiumFen),
    'insurance.premiumYuan': fenToYuan(purchase.commercialPremiumFen),
    'insurance.claimsPaidYuan': fenToYuan(claimsFen),
    'insurance.socialReimbursedYuan': fenToYuan(byFlow(F_BASIC) + byFlow(F_SERIOUS) + byFlow(F_MUTUAL)),
    'insurance.claimRate.illnessPoor': ratio(poorClaimed, poor),
    'insurance.lossRatio': ratio(claimsFen, purchase.commercialPremiumFen),
    'insurance.probClaimsExceedPremium': exceed / yearly.length,
    'insurance.claimsP95Yuan': fenToYuan(quantileSorted(yearly, 0.95)),
    'insurance.claimsP99Yuan': fenToYuan(quantileSorted(yearly, 0.99)),
    'insurance.medicalCostYuan': fenToYuan(costFen),
    'insurance.oopBeforeYuan': fenToYuan(beforeFen),
    'insurance.oopAfterYuan': fenToYuan(afterFen),
    'insurance.catastrophicRate.before': ratio(catBefore, nHouseholds),
    'insurance.catastrophicRate.after': ratio(catAfter, nHouseholds),
  };
  for (const cov of COMMERCIAL_COVERS) out[`insurance.claimsPaidYuan.${cov.id}`] = fenToYuan(byFlow(cov.index));
  for (let t = 0; t < nTypes; t++) {
    out[`insurance.claimRate.${PERSON_TYPES[t]}`] = ratio(claimedByType[t]!, personsByType[t]!);
    out[`insurance.admissionsPerPerson.${PERSON_TYPES[t]}`] = ratio(staysByType[t]!, personsByType[t]!) * perYear;
  }
  return out;
}

/** Traces why the traced household is or is not insured; returns its slot in the book, or −1. */
function traceSelection(ctx: ProgrammeContext, ranked: Int32Array, purchase: Purchase): number {
  const h = ctx.traceHousehold!;
  const lines = ctx.trace!;
  const pop = ctx.population;
  if (h < 0 || h >= pop.households.count) {
    lines.push(`insurance: household index ${h} is not in the population`);
    return -1;
  }
  const rank = ranked.indexOf(h);
  if (rank < 0) {
    lines.push('insurance: not a special-hardship household, so not assessed for the package');
    return -1;
  }
  const score = pop.households.assessmentScore[h]!.toFixed(3);
  if (rank >= purchase.households.length) {
    lines.push(`insurance: assessed (score ${score}, rank ${rank + 1} of ${ranked.length}) but not insured: the package covers the first ${purchase.households.length}`);
    return -1;
  }
  const first = pop.households.firstPerson[h]!;
  const types: string[] = [];
  for (let k = first; k < first + pop.households.size[h]!; k++) {
    const ill = pop.persons.chronicIllness[k]!;
    types.push(ill === 1 ? 'serious' : ill === 2 ? 'mild' : pop.persons.disabilityGrade[k]! > 0 ? 'ordinaryDisability' : 'otherMembers');
  }
  lines.push(`insurance: insured (assessment score ${score}, rank ${rank + 1} of ${ranked.length}); members: ${types.map((t, i) => `${i + 1} ${t}`).join(', ')}`);
  return rank;
}
