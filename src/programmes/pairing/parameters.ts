import { article, assumed } from '../../scenario/provenance.js';
import { count, money, month, num, oneOf, rate, strings } from '../../scenario/spec.js';
import { CATEGORIES } from '../../population/parameters.js';
import { DONOR_TYPE_LABELS, MATCHING_POLICIES, NEED_TYPE_LABELS, NEED_TYPES, PAIRING_FORMS, type DonorType, type NeedType } from './vocabulary.js';

export { PAIRING_FORMS };

const POOL_QUOTE = article('一端联结企业、社会组织、志愿服务团队、爱心人士等社会力量,建立社会帮扶资源库', 'FIGURES.md §3');
const DONORS_TARGET = ['pairing.donors'];
const RAISED_TARGET = ['pairing.raised'];

/** Per-type donor behaviour; `d` gives the baseline reasoning and fit bounds of each type. */
function donorType(type: DonorType, d: { arrivals: [number, number]; pledge: [number, number]; reliability: string; offers: string; size: string; duration: string }) {
  const [zh, en] = DONOR_TYPE_LABELS[type];
  return {
    arrivalsPerMonth: num({
      unit: 'donors/month',
      min: 0,
      zh: `${zh}每月新加入数`,
      en: `${en}: new donors per month`,
      source: assumed('assumed; calibrated to target pairing.donors (近百家 in 2015 across four types)', { lower: d.arrivals[0], upper: d.arrivals[1], targets: DONORS_TARGET }),
    }),
    reliability: rate({ unit: 'probability', zh: `${zh}按时交付概率`, en: `${en}: chance a due delivery arrives on time`, source: assumed(d.reliability) }),
    offersMoney: rate({ unit: 'probability', zh: `${zh}提供资金或物资的概率`, en: `${en}: chance of a money or goods pledge`, source: assumed(d.offers) }),
    offersEmployment: rate({ unit: 'probability', zh: `${zh}提供就业岗位的概率`, en: `${en}: chance of an employment-place pledge`, source: assumed(d.offers) }),
    offersSkills: rate({ unit: 'probability', zh: `${zh}提供技能培训的概率`, en: `${en}: chance of a skills-training pledge`, source: assumed(d.offers) }),
    monthlyPledgeYuan: money({
      unit: 'yuan/month',
      zh: `${zh}每月认捐额均值`,
      en: `${en}: mean money pledged per month`,
      source: assumed(`assumed; calibrated to target pairing.raised. ${d.size}`, { lower: d.pledge[0], upper: d.pledge[1], targets: RAISED_TARGET }),
    }),
    pledgeCv: num({ unit: 'ratio', min: 0, max: 20, zh: `${zh}认捐额变异系数`, en: `${en}: coefficient of variation of pledges (lognormal)`, source: assumed('Heavy tail: a few large donors give most (对数正态).') }),
    durationMonths: count({ unit: 'months', min: 1, max: 120, zh: `${zh}认捐期限`, en: `${en}: pledge duration`, source: assumed(d.duration) }),
  };
}

function needType(type: NeedType, d: { weight: string; mean: string; fit?: [number, number] }) {
  const [zh, en] = NEED_TYPE_LABELS[type];
  return {
    weight: num({ unit: 'weight', min: 0, zh: `${zh}需求权重`, en: `${en}: weight among assessed families`, source: assumed(d.weight) }),
    meanMonthlyYuan: money({
      unit: 'yuan/family/month',
      zh: `${zh}每月需求额均值`,
      en: `${en}: mean monthly need per family`,
      source: d.fit ? assumed(`assumed; calibrated to target pairing.disbursed. ${d.mean}`, { lower: d.fit[0], upper: d.fit[1], targets: ['pairing.disbursed'] }) : assumed(d.mean),
    }),
    cv: num({ unit: 'ratio', min: 0, max: 5, zh: `${zh}需求额变异系数`, en: `${en}: coefficient of variation of need (lognormal)`, source: assumed('Spread of needs between families of one type.') }),
  };
}

/** Parameters of the charity pairing platform (慈善日记). */
export const pairingParameters = {
  start: month({ unit: 'month', zh: '平台启动月份', en: 'Platform opens (empty pools)', source: assumed('The article reports the platform\'s 2015 results; it is taken to open in January 2015 with empty donor and needs pools.') }),
  window: {
    from: month({ unit: 'month', zh: '统计期起', en: 'Reporting window: first month', source: article('2015年,通过"慈善日记信息平台",区慈善会共募集到400余万元', 'FIGURES.md §3') }),
    to: month({ unit: 'month', zh: '统计期止', en: 'Reporting window: last month', source: article('2015年,通过"慈善日记信息平台",区慈善会共募集到400余万元', 'FIGURES.md §3') }),
  },
  forms: strings({ unit: 'forms', values: PAIRING_FORMS, zh: '结对形式', en: 'Pairing forms in use', source: article('采取"一帮一""一帮多""多帮一"等形式', 'FIGURES.md §3') }),
  policy: oneOf(MATCHING_POLICIES, { unit: 'policy', zh: '匹配策略', en: 'Matching policy', source: assumed('The article says needs are verified household by household, not how donors are assigned; most urgent first is the stated aim (精准帮扶).') }),
  donors: {
    company: donorType('company', {
      arrivals: [0.5, 6],
      pledge: [2000, 40000],
      reliability: 'Companies pay through their finance departments; rarely late.',
      offers: 'Companies give money or goods, sometimes jobs (就业帮扶), rarely training.',
      size: 'Companies give most of the money (a few large gifts).',
      duration: 'A one-year agreement (结对帮扶协议) is the usual term.',
    }),
    socialOrganisation: donorType('socialOrganisation', {
      arrivals: [0.5, 6],
      pledge: [500, 10000],
      reliability: 'Organisations depend on their own fundraising; sometimes late.',
      offers: 'Organisations give money and run skills training (技能帮扶).',
      size: 'Mid-sized gifts.',
      duration: 'A one-year agreement.',
    }),
    volunteerTeam: donorType('volunteerTeam', {
      arrivals: [0.3, 5],
      pledge: [100, 3000],
      reliability: 'Teams collect from members monthly; late more often.',
      offers: 'Teams collect small sums and offer training and services.',
      size: 'Small pooled sums.',
      duration: 'Half-year commitments.',
    }),
    individual: donorType('individual', {
      arrivals: [0.5, 8],
      pledge: [50, 2000],
      reliability: 'Individuals pay from their own income; late most often.',
      offers: 'Individuals give money.',
      size: 'Small monthly sums, some larger.',
      duration: 'A one-year agreement.',
    }),
    reliabilityDispersion: num({ unit: 'share of maximum variance', min: 0, max: 0.99, zh: '按时交付概率的离散度', en: 'Spread of reliability between donors of one type (Beta variance / m(1−m))', source: assumed('Donors of one type differ; 0 gives every donor its type\'s reliability.') }),
  },
  preferences: {
    needTypeShare: rate({ unit: 'share of pledges', zh: '指定需求类型的认捐比例', en: 'Share of pairing pledges restricted to one need type', source: assumed('Some donors want to help sick people or pupils only (就医、入学).') }),
    needTypes: strings({ unit: 'need types', values: NEED_TYPES, zh: '捐赠方可指定的需求类型', en: 'Need types a money donor may prefer (uniform among them)', source: assumed('Money covers medical, schooling and living needs.') }),
    subdistrictShare: rate({ unit: 'share of pledges', zh: '指定街道的认捐比例', en: 'Share of pledges restricted to one subdistrict', source: assumed('Some companies help their own neighbourhood only.') }),
  },
  pledges: {
    upfrontShare: rate({ unit: 'share of money pledges', zh: '一次性缴付的认捐比例', en: 'Share of money pledges paid in full at signing (else monthly)', source: assumed('Larger donors often pay a year at once; this is what leaves funds held.') }),
    pairingShare: rate({ unit: 'share of money pledges', zh: '定向结对帮扶的认捐比例', en: 'Share of money pledges designated for paired families', source: assumed('assumed; calibrated to target pairing.disbursed. The rest funds other relief activities or comes as goods.', { lower: 0.1, upper: 0.8, targets: ['pairing.disbursed'] }) }),
    goodsShare: rate({ unit: 'share of money pledges', zh: '以物资形式捐赠的比例', en: 'Share of money pledges given as goods (物资)', source: article('共募集到400余万元的现金和物资 (cash and goods; the split is assumed)', 'FIGURES.md §3') }),
    goodsValuation: rate({ unit: 'share of market value', zh: '物资计价比例', en: 'Goods are booked at this share of their market value', source: assumed('Goods are booked at market value (1.0); lower it to book them at a discount.') }),
    placesPerPledge: num({ unit: 'places', min: 1, max: 1000, zh: '每份岗位或培训认捐的名额均值', en: 'Mean places per employment or skills pledge (1 + Poisson)', source: assumed('A company offers one or a few jobs; a training course several places.') }),
  },
  help: {
    employmentPlaceYuan: money({ unit: 'yuan/place/month', zh: '就业岗位每月计价', en: 'Value of one employment place per month (wage income)', source: assumed('Close to Chengdu\'s 2015 minimum monthly wage.') }),
    skillsPlaceYuan: money({ unit: 'yuan/place/month', zh: '技能培训每月计价', en: 'Value of one month of skills training', source: assumed('Typical fee of a vocational course per month.') }),
  },
  needs: {
    eligibleCategories: strings({ unit: 'categories', values: CATEGORIES, zh: '可申请结对的家庭类别', en: 'Household categories the communities refer', source: article('该项目与"雪中送炭"项目针对的目标群体大体一致 (the special-hardship group)', 'article §(三)') }),
    meanNeedMonths: num({ unit: 'months', min: 1, max: 1200, zh: '困难需求平均持续月数', en: 'Mean months a family stays in need (then leaves the platform)', source: assumed('Illness is treated, children finish school, someone finds work: hardship lasts about two years on average (geometric).') }),
    referralRatePerMonth: rate({ unit: 'probability/month at score 1', zh: '社区每月转介概率(按评估分加权)', en: 'Monthly chance a household is referred, times its assessment score', source: assumed('Communities refer the neediest first (社区、街道动态收集困难群众需求信息).') }),
    medical: needType('medical', { weight: 'Illness is the main cause of special hardship (因病致贫).', mean: 'Out-of-pocket medical costs of a seriously ill member.', fit: [300, 3000] }),
    schooling: needType('schooling', { weight: 'Families with pupils or students.', mean: 'Fees, books and living costs of a pupil.', fit: [200, 2000] }),
    living: needType('living', { weight: 'Families short of daily living costs.', mean: 'About the gap to a modest living standard.', fit: [200, 2000] }),
    employment: needType('employment', { weight: 'Families whose working-age member needs a job (就业帮扶).', mean: 'The wage income a job would bring.' }),
  },
  assessment: {
    capacityPerMonth: count({
      unit: 'households/month',
      max: 1_000_000,
      zh: '第三方机构每月入户评估能力',
      en: 'Third-party assessments per month',
      source: assumed('assumed; calibrated to target pairing.families (130 families paired in 2015)', { lower: 5, upper: 60, targets: ['pairing.families'] }),
    }),
    months: count({ unit: 'months', max: 24, zh: '评估耗时', en: 'Months an assessment takes', source: article('逐户调查核实、分析评估 (one month assumed)', 'FIGURES.md §3') }),
    minUrgency: rate({
      unit: 'assessment score',
      zh: '纳入需求库的最低评估分',
      en: 'Lowest assessment score admitted to the needs pool',
      source: assumed('assumed; calibrated to target pairing.families. Only verified special hardship enters the needs pool; about half of those referred pass.', { lower: 0.3, upper: 0.7, targets: ['pairing.families'] }),
    }),
  },
  matching: {
    coverageTarget: num({ unit: 'share of need', min: 0, max: 1, minExclusive: true, zh: '结对资助目标比例', en: 'Share of a family\'s monthly need an agreement aims to cover', source: assumed('Agreements aim at the whole assessed need.') }),
    pairedShare: num({ unit: 'share of need', min: 0, max: 1, minExclusive: true, zh: '视为结对成功的最低覆盖比例', en: 'Share of need signed agreements must cover for a family to count as paired', source: assumed('An agreement is signed only when it covers at least half of the need.') }),
  },
  delivery: {
    lateDelayMonths: num({ unit: 'months', min: 1, max: 60, zh: '迟到交付平均延迟', en: 'Mean delay of a late delivery (geometric, ≥ 1 month)', source: assumed('Most late payments arrive within a quarter.') }),
    missingShare: rate({ unit: 'share of late deliveries', zh: '迟到交付中最终未到位的比例', en: 'Share of late deliveries that never arrive', source: assumed('Some pledges lapse when a donor drops out.') }),
  },
  monitoring: {
    intervalMonths: count({ unit: 'months', min: 1, max: 120, zh: '监督评估间隔', en: 'Months between monitoring rounds', source: article('对社会帮扶资金、善物等是否及时到位…定期或不定期开展监督、评估 (monthly assumed)', 'FIGURES.md §3') }),
    detectionRate: rate({ unit: 'probability', zh: '每轮监督发现逾期交付的概率', en: 'Chance a monitoring round finds an overdue delivery', source: assumed('Home visits by social workers find most, not all, missed payments.') }),
  },
  activities: {
    monthlySpendShare: rate({ unit: 'share of balance/month', zh: '非定向资金每月支出比例', en: 'Share of the general fund spent each month on other relief activities', source: assumed('The association runs visits and activities for families on the platform; it keeps a reserve.') }),
  },
} as const;
