import type { Account, ProgrammeId } from '../core/accounts.js';
import type { Bilingual, Lang } from './lang.js';

/** Names of the ledger's accounts as people say them. */
export const ACCOUNT_LABELS: Readonly<Record<Account, Bilingual>> = {
  districtBudget: { zh: '区财政', en: 'District budget' },
  charityAssociation: { zh: '区慈善会', en: 'Charity association' },
  storeOperators: { zh: '超市运营企业', en: 'Store operators' },
  insurer: { zh: '保险公司', en: 'Insurer' },
  donors: { zh: '爱心捐赠方', en: 'Donors' },
  households: { zh: '困难家庭', en: 'Households' },
  publicShoppers: { zh: '社会公众顾客', en: 'Public shoppers' },
  medicalInsuranceFund: { zh: '医保基金', en: 'Medical insurance fund' },
  hospitals: { zh: '医院', en: 'Hospitals' },
};

export const PROGRAMME_LABELS: Readonly<Record<ProgrammeId, Bilingual>> = {
  supermarket: { zh: '慈善惠民超市', en: 'Charity supermarket' },
  insurance: { zh: '"雪中送炭"专项保险', en: '"Timely help" insurance' },
  pairing: { zh: '慈善结对帮扶平台', en: 'Charity pairing platform' },
};

/** Household categories (population/parameters.ts CATEGORIES). */
export const CATEGORY_LABELS: Readonly<Record<string, Bilingual>> = {
  dibao: { zh: '低保家庭', en: 'Dibao (minimum living standard)' },
  marginal: { zh: '低保边缘家庭', en: 'Marginal (near-dibao)' },
  specialHardship: { zh: '特殊困难家庭', en: 'Special hardship' },
};

/**
 * Ledger flow names the programmes use, where a plainer label helps. Flows not listed show
 * under their own name with the part after `:` kept (e.g. `claim:topUp` → `topUp`).
 */
export const FLOW_LABELS: Readonly<Record<string, Bilingual>> = {
  subsidy: { zh: '购物补贴', en: 'Shopping subsidy' },
  discount: { zh: '购物优惠', en: 'Shopping discounts' },
  premium: { zh: '保费', en: 'Premium' },
  hospitalCost: { zh: '住院费用', en: 'Hospital costs' },
  basic: { zh: '基本医疗保险', en: 'Basic medical insurance' },
  seriousIllness: { zh: '大病保险', en: 'Serious-illness insurance' },
  mutual: { zh: '大病医疗互助补充保险', en: 'Mutual supplementary insurance' },
  'claim:death': { zh: '意外身故', en: 'Accidental death' },
  'claim:disability': { zh: '意外伤残', en: 'Accidental disability' },
  'claim:accidentMedical': { zh: '意外医疗', en: 'Accident medical' },
  'claim:topUp': { zh: '重病住院补充', en: 'Top-up inpatient' },
  'claim:allowance': { zh: '住院津贴', en: 'Hospital allowance' },
  company: { zh: '爱心企业', en: 'Companies' },
  socialOrganisation: { zh: '社会组织', en: 'Social organisations' },
  volunteerTeam: { zh: '志愿服务团队', en: 'Volunteer teams' },
  individual: { zh: '爱心人士', en: 'Individuals' },
  medical: { zh: '就医', en: 'Medical care' },
  schooling: { zh: '入学', en: 'Schooling' },
  living: { zh: '生活保障', en: 'Living costs' },
  employment: { zh: '就业帮扶', en: 'Employment help' },
  skills: { zh: '技能帮扶', en: 'Skills help' },
  goods: { zh: '善物（物资）发放', en: 'Goods handed out' },
  activities: { zh: '其他帮扶活动', en: 'Other relief activities' },
};

function labelOr<K extends string>(table: Readonly<Record<string, Bilingual>>, key: K, lang: Lang): string {
  return table[key]?.[lang] ?? key;
}

export function accountLabel(a: string, lang: Lang): string {
  return labelOr(ACCOUNT_LABELS, a, lang);
}

export function programmeLabel(p: string, lang: Lang): string {
  return labelOr(PROGRAMME_LABELS, p, lang);
}

export function categoryLabel(c: string, lang: Lang): string {
  return labelOr(CATEGORY_LABELS, c, lang);
}

/** A flow's label: the whole name, else its last `:` part (`donation:company` → companies), else the name. */
export function flowLabel(flow: string, lang: Lang): string {
  const whole = FLOW_LABELS[flow];
  if (whole) return whole[lang];
  const last = flow.includes(':') ? flow.slice(flow.lastIndexOf(':') + 1) : flow;
  return FLOW_LABELS[last]?.[lang] ?? flow;
}
