import type { MetricSpec } from '../../metrics/metric.js';
import { COMMERCIAL_COVERS } from './flows.js';

const WINDOW = 'the 12-month policy year from insurance.policyStart (2016 in the baseline)';
const RISK_WINDOW = 'policy year; spread over insurance.risk.extraYears re-simulated years of the same insured book';

function metric(id: string, unit: string, zh: string, en: string, dependsOn: readonly string[], window = WINDOW): MetricSpec {
  return { id, programme: 'insurance', unit, zh, en, window, dependsOn };
}

const CLAIMS = ['insurance.frequency.', 'insurance.stay.', 'insurance.accident.', 'insurance.basic.', 'insurance.seriousIllness.', 'insurance.mutual.', 'insurance.accidentDeath.', 'insurance.disability.', 'insurance.accidentMedical.', 'insurance.topUp.', 'insurance.allowance.', 'insurance.households', 'insurance.premium.', 'insurance.fundingYuan', 'population.'];
const BUDGET = ['insurance.fundingYuan', 'insurance.households', 'insurance.premium.', 'insurance.basic.premiumPerPersonYuan', 'insurance.mutual.premiumPerPersonYuan', 'population.'];

/** The insurance programme's metrics: ids, units, labels and the parameters each uses. */
export const insuranceMetrics: readonly MetricSpec[] = [
  metric('insurance.households', 'households', '参保家庭户数', 'Insured households', BUDGET),
  metric('insurance.persons', 'persons', '参保人数', 'Insured persons', BUDGET),
  metric('insurance.illnessPoorPersons', 'persons', '参保的因病致贫对象人数', 'Insured persons poor through illness (claim-rate denominator)', [...BUDGET, 'insurance.claimRateGroups']),
  metric('insurance.fundingYuan', 'yuan', '投入资金(保费合计)', 'Funding spent (all premiums: basic, mutual, commercial)', BUDGET),
  metric('insurance.basicPremiumsYuan', 'yuan', '基本医保与互助补充保险保费', 'Basic and mutual supplement premiums', BUDGET),
  metric('insurance.premiumYuan', 'yuan', '商业保险保费', 'Commercial premium (the five covers)', BUDGET),
  metric('insurance.claimsPaidYuan', 'yuan', '商业保险理赔金额', 'Commercial claims paid', CLAIMS),
  ...COMMERCIAL_COVERS.map((cov) => metric(`insurance.claimsPaidYuan.${cov.id}`, 'yuan', `理赔金额:${cov.zh}`, `Claims paid: ${cov.en}`, CLAIMS)),
  metric('insurance.socialReimbursedYuan', 'yuan', '基本医保、大病保险及互助补充保险报销', 'Reimbursed by basic, serious-illness and mutual insurance', CLAIMS),
  metric('insurance.claimRate.illnessPoor', 'share', '因病致贫对象获理赔比例', 'Share of insured persons poor through illness with a paid commercial claim', [...CLAIMS, 'insurance.claimRateGroups']),
  ...(['serious', 'mild', 'ordinaryDisability', 'otherMembers'] as const).map((g) =>
    metric(`insurance.claimRate.${g}`, 'share', `获理赔比例:${{ serious: '重病', mild: '轻病', ordinaryDisability: '残疾', otherMembers: '其他成员' }[g]}`, `Share with a paid commercial claim: ${g}`, CLAIMS),
  ),
  ...(['serious', 'mild', 'ordinaryDisability', 'otherMembers'] as const).map((g) =>
    metric(`insurance.admissionsPerPerson.${g}`, 'admissions/person/year', `年人均住院次数:${{ serious: '重病', mild: '轻病', ordinaryDisability: '残疾', otherMembers: '其他成员' }[g]}`, `Hospital stays per person-year: ${g} (compare: national 0.165)`, ['insurance.frequency.', 'insurance.accident.', 'insurance.households', 'population.']),
  ),
  metric('insurance.lossRatio', 'ratio', '赔付率(理赔/保费)', 'Loss ratio (commercial claims / commercial premium)', CLAIMS),
  metric('insurance.probClaimsExceedPremium', 'probability', '理赔超过保费的概率', 'Probability that a year\'s claims exceed the premium', [...CLAIMS, 'insurance.risk.extraYears'], RISK_WINDOW),
  metric('insurance.claimsP95Yuan', 'yuan', '年度理赔总额95%分位数', '95% quantile of a year\'s total claims', [...CLAIMS, 'insurance.risk.extraYears'], RISK_WINDOW),
  metric('insurance.claimsP99Yuan', 'yuan', '年度理赔总额99%分位数', '99% quantile of a year\'s total claims', [...CLAIMS, 'insurance.risk.extraYears'], RISK_WINDOW),
  metric('insurance.medicalCostYuan', 'yuan', '参保家庭医疗费用', 'Medical costs of insured households', CLAIMS),
  metric('insurance.oopBeforeYuan', 'yuan', '参保前自付医疗费用', 'Out-of-pocket medical cost without the package', [...CLAIMS, 'insurance.catastrophic.before']),
  metric('insurance.oopAfterYuan', 'yuan', '参保后自付医疗费用', 'Out-of-pocket medical cost with the package', CLAIMS),
  metric('insurance.catastrophicRate.before', 'share of insured households', '参保前灾难性卫生支出发生率', 'Catastrophic health expenditure without the package (share of insured households)', [...CLAIMS, 'insurance.catastrophic.', 'population.foodShare']),
  metric('insurance.catastrophicRate.after', 'share of insured households', '参保后灾难性卫生支出发生率', 'Catastrophic health expenditure with the package (share of insured households)', [...CLAIMS, 'insurance.catastrophic.', 'population.foodShare']),
];
