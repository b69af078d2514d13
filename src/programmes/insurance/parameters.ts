import { article, assumed, statistic, type Provenance } from '../../scenario/provenance.js';
import { count, money, month, num, numbers, oneOf, rate, strings } from '../../scenario/spec.js';

/** The kinds of insured person, in the order of the kernel's person-type codes. */
export const PERSON_TYPES = ['otherMembers', 'serious', 'mild', 'ordinaryDisability'] as const;
export type PersonType = (typeof PERSON_TYPES)[number];

/** The carrier groups a household can be assessed into (the Xinhua account's three groups). */
export const ILLNESS_POOR_GROUPS = ['serious', 'mild', 'ordinaryDisability'] as const;

/** Hospital levels, in the order of every per-level list. */
export const HOSPITAL_LEVELS = ['community', 'secondary', 'tertiary'] as const;

const CALIBRATED = 'assumed; calibrated to target insurance.claimRate';
const LEVELS_NOTE = 'One value per hospital level: community/first-level, secondary, tertiary.';

/** Admissions, their spread and where they happen, for one kind of insured person. */
function frequencyGroup(zh: string, en: string, d: { admissions: Provenance; levels: string }) {
  return {
    admissionsPerYear: num({ unit: 'admissions/person/year', min: 0, max: 50, zh: `${zh}年均住院次数`, en: `${en}: hospital admissions per person per year`, source: d.admissions }),
    dispersion: num({ unit: 'shape k', min: 0, minExclusive: true, max: 1000, zh: `${zh}住院次数离散参数(负二项k)`, en: `${en}: dispersion k of admissions (negative binomial; small k = a few people have most stays)`, source: assumed('Negative binomial shape. Admissions of chronically ill people are strongly over-dispersed (a minority is admitted again and again); k between 1 and 3 is typical of utilisation data. Used when frequency.model is negativeBinomial.') }),
    zeroShare: rate({ zh: `${zh}全年不住院者比例(零膨胀)`, en: `${en}: share never at risk of admission (zero-inflated model)`, source: assumed('Structural zeros of the zero-inflated Poisson; used only when frequency.model is zeroInflatedPoisson.') }),
    levelWeights: numbers({ unit: 'weights', min: 0, length: 3, zh: `${zh}住院医院等级权重(社区/二级/三级)`, en: `${en}: weights of hospital level (community, secondary, tertiary)`, source: assumed(d.levels) }),
  };
}

/** Parameters of the "timely help" insurance package (雪中送炭). */
export const insuranceParameters = {
  households: count({ unit: 'households', zh: '参保困难家庭户数(上限)', en: 'Insured hardship households (the most the budget may buy in priced modes)', source: article('经第三方机构逐一入户评估确定的529户特殊困难群众', 'FIGURES.md §2') }),
  fundingYuan: money({ zh: '年度投入资金', en: 'Annual funding (district budget + charity association)', source: article('2016年,武侯区政府(财政)和区慈善会共同投入445万元', 'FIGURES.md §2') }),
  charityShare: rate({ zh: '资金中区慈善会承担比例', en: 'Share of the funding paid by the charity association (the rest by the district budget)', source: assumed('The article names both payers (政府(财政)和区慈善会共同投入) but not the split; half each.') }),
  policyStart: month({ unit: 'month', zh: '保险年度起始月份', en: 'First month of the 12-month policy year', source: article('2016年,武侯区政府(财政)和区慈善会共同投入445万元', 'FIGURES.md §2') }),
  claimRateGroups: strings({ unit: 'groups', values: ILLNESS_POOR_GROUPS, zh: '计入"因病致贫对象"理赔率的疾病分组', en: 'Carrier groups counted as "poor through illness" in the claim rate', source: assumed('因病致贫对象 read as the ill members of the serious- and mild-illness households; add ordinaryDisability to count the disabled too.') }),

  frequency: {
    model: oneOf(['negativeBinomial', 'zeroInflatedPoisson'] as const, { unit: 'model', zh: '住院次数分布', en: 'Distribution of admissions per person-year', source: assumed('Negative binomial (gamma-frailty Poisson): heterogeneity lowers the share with any stay at a given mean, which is what the 70% claim rate measures.') }),
    serious: frequencyGroup('重病患者', 'Seriously ill members', {
      admissions: assumed(`${CALIBRATED}. Seriously ill (cancer, uraemia, …) are admitted far more often than the national 16.5 per 100 persons.`, { lower: 0.5, upper: 6, targets: ['insurance.claimRate'] }),
      levels: 'Seriously ill people are treated mostly in tertiary hospitals.',
    }),
    mild: frequencyGroup('轻病患者', 'Mildly (chronically) ill members', {
      admissions: assumed('Not calibrated: the assessment ranks so few mild-illness households among the 529 that the 70% target cannot identify this rate. Chronic patients are admitted several times more often than the national 16.5 per 100; 1.0 a year, below the seriously ill.'),
      levels: 'Chronic patients use secondary and community hospitals more.',
    }),
    ordinaryDisability: frequencyGroup('残疾或普通困难成员', 'Disabled members (ordinary group)', {
      admissions: assumed('Not calibrated (disabled members are outside the claim-rate groups by default). Disabled people are admitted more often than average (16.5 per 100) but less than the ill: 0.5 a year.'),
      levels: 'Between the ill and the general population.',
    }),
    otherMembers: frequencyGroup('其他家庭成员', 'Other household members', {
      admissions: statistic('Admissions per person per year, national 2016: 16.5% (NHFPC 2016 bulletin), EXTERNAL.md', 'H'),
      levels: 'Spread of national admissions across levels.',
    }),
  },

  stay: {
    costDistribution: oneOf(['lognormal', 'gamma'] as const, { unit: 'distribution', zh: '单次住院费用分布', en: 'Distribution of the cost of a stay', source: assumed('Hospital costs are right-skewed; lognormal is the usual choice, gamma a lighter-tailed alternative.') }),
    costMeanYuan: numbers({ unit: 'yuan/stay', min: 0, length: 3, zh: '次均住院费用(社区/二级/三级)', en: 'Mean cost per stay by hospital level (community, secondary, tertiary)', source: statistic(`Tertiary 13,306 / secondary 6,015 yuan (NHC Jan–Oct 2018); all hospitals 8,604.7 (2016 bulletin); community assumed. ${LEVELS_NOTE}`, 'M') }),
    costCv: numbers({ unit: 'ratio', min: 0, max: 10, length: 3, zh: '住院费用变异系数', en: 'Coefficient of variation of the cost per stay, by level', source: assumed('Inpatient costs typically have a CV near 1–1.5.') }),
    lengthMeanDays: numbers({ unit: 'days/stay', min: 1, max: 365, length: 3, zh: '平均住院日(社区/二级/三级)', en: 'Mean length of stay by hospital level', source: statistic('About 10.0 days in tertiary hospitals (2016), 9.3 days all hospitals (2018); community assumed shorter. EXTERNAL.md', 'M') }),
    lengthDispersion: num({ unit: 'shape k', min: 0, minExclusive: true, max: 1000, zh: '住院天数离散参数', en: 'Dispersion k of (length of stay − 1), negative binomial', source: assumed('Lengths of stay are right-skewed; k = 2.') }),
  },

  accident: {
    incidencePerYear: rate({ unit: 'injuries/person/year', zh: '意外伤害发生率', en: 'Injuries needing care per person per year', source: statistic('About 5,500 per 100k per year (GBD, Lancet Public Health 2019), EXTERNAL.md', 'H') }),
    deathShare: rate({ unit: 'share of injuries', zh: '意外伤害中死亡比例', en: 'Share of injuries that are fatal', source: statistic('47.7 injury deaths per 100k (death registration 2005–2019) over 5,500 injuries per 100k ≈ 0.87%, EXTERNAL.md', 'M') }),
    disabilityShare: rate({ unit: 'share of injuries', zh: '意外伤害中致残比例', en: 'Share of injuries that leave a disability', source: assumed('About 2% of injuries needing care leave a lasting disability.') }),
    gradeWeights: numbers({ unit: 'weights', min: 0, length: 10, zh: '伤残等级分布权重(1–10级)', en: 'Weights of disability grades 1 (most severe) … 10', source: assumed('Most injury disabilities are mild (grades 8–10).') }),
    inpatientShare: rate({ zh: '意外伤害需住院比例', en: 'Share of injuries treated as inpatients', source: assumed('A quarter of injuries needing care lead to a hospital stay.') }),
    costMeanYuan: money({ unit: 'yuan/injury', zh: '意外伤害次均医疗费用', en: 'Mean medical cost of an injury', source: assumed('Mixed outpatient and inpatient injury care.') }),
    costCv: num({ unit: 'ratio', min: 0, max: 10, zh: '意外医疗费用变异系数', en: 'Coefficient of variation of the medical cost of an injury', source: assumed('Injury costs are very skewed.') }),
  },

  basic: {
    premiumPerPersonYuan: money({ unit: 'yuan/person/year', zh: '城乡居民基本医疗保险个人缴费', en: 'Resident basic medical insurance: individual premium bought per person', source: statistic('Individual resident premium 180 yuan (2017 national notice; 2016 was lower), EXTERNAL.md', 'H') }),
    catalogueShare: rate({ zh: '医保目录内费用比例', en: 'Share of a stay\'s cost inside the medical-insurance catalogue (basic, serious-illness and mutual cover only this part)', source: assumed('About 85% of inpatient spending is within the policy catalogue (政策范围内).') }),
    deductibleYuan: numbers({ unit: 'yuan/stay', min: 0, length: 3, zh: '基本医保起付线(社区/二级/三级)', en: 'Basic insurance deductible per stay by level', source: statistic(`Chengdu 2023 template: 100/200/500 yuan by level. ${LEVELS_NOTE}`, 'L') }),
    reimbursementRate: numbers({ unit: 'share', min: 0, max: 1, length: 3, zh: '基本医保报销比例(社区/二级/三级)', en: 'Basic insurance reimbursement rate by level', source: statistic('Chengdu 2023 template: 87% / 82% / 68% (95% in community centres). EXTERNAL.md', 'L') }),
    annualCapYuan: money({ unit: 'yuan/person/year', zh: '基本医保年度最高支付限额', en: 'Basic insurance annual cap per person', source: statistic('Chengdu 2023 template: 240,000 yuan, EXTERNAL.md', 'L') }),
  },

  seriousIllness: {
    bandStartsYuan: numbers({ unit: 'yuan/person/year', min: 0, minLength: 1, maxLength: 20, zh: '大病保险分段起点(首段为起付线)', en: 'Serious-illness insurance: start of each band of annual catalogue out-of-pocket (the first is the threshold)', source: statistic('Chengdu 2023 template: threshold ~18,000 yuan with 60/70/80% bands; band edges above the threshold assumed at 50,000 and 100,000. EXTERNAL.md', 'L') }),
    bandRates: numbers({ unit: 'share', min: 0, max: 1, minLength: 1, maxLength: 20, zh: '大病保险各段报销比例', en: 'Serious-illness insurance: reimbursement rate of each band', source: statistic('At least 50% above the threshold (State Council 2015); Chengdu template 60/70/80%. EXTERNAL.md', 'L') }),
    annualCapYuan: money({ unit: 'yuan/person/year', zh: '大病保险年度最高支付限额', en: 'Serious-illness insurance annual cap per person', source: assumed('Serious-illness insurance caps were typically 300,000–400,000 yuan.') }),
  },

  mutual: {
    premiumPerPersonYuan: money({ unit: 'yuan/person/year', zh: '大病医疗互助补充保险保费', en: 'Serious-illness mutual supplement: premium per person', source: assumed('Chengdu\'s mutual supplement cost a few dozen yuan a year per resident; 60 yuan.') }),
    deductibleYuan: money({ unit: 'yuan/stay', zh: '互助补充保险起付线(每次)', en: 'Mutual supplement deductible per stay', source: assumed('None: it pays on what basic and serious-illness insurance left.') }),
    rate: rate({ zh: '互助补充保险报销比例', en: 'Mutual supplement: share of the remaining catalogue cost paid', source: assumed('Half of the catalogue cost left after basic and serious-illness insurance.') }),
    annualLimitYuan: money({ unit: 'yuan/person/year', zh: '互助补充保险年度限额', en: 'Mutual supplement annual limit per person', source: assumed('100,000 yuan a year.') }),
  },

  accidentDeath: {
    sumInsuredYuan: money({ zh: '意外身故保险金额', en: 'Accidental death: sum insured', source: article('因遭受意外伤害身故,保险公司赔付20万元', 'FIGURES.md §2') }),
  },
  disability: {
    sumInsuredYuan: money({ zh: '意外伤残最高保险金额', en: 'Accidental disability: sum insured (grade 1 pays it all)', source: article('因遭受意外伤害致残,保险公司最高赔付12万元', 'FIGURES.md §2') }),
    gradePayout: numbers({ unit: 'share of sum insured', min: 0, max: 1, length: 10, zh: '伤残等级给付比例(1–10级)', en: 'Payout by disability grade 1 … 10, as a share of the sum insured', source: statistic('Industry standard JR/T 0083-2013: grade 1 = 100% down to grade 10 = 10%, EXTERNAL.md', 'H') }),
  },
  accidentMedical: {
    rate: rate({ zh: '意外医疗赔付比例', en: 'Accident medical: share of the reasonable remaining cost paid', source: article('按80%的比例赔付…免赔额为0元,保险金额最高为5万元', 'FIGURES.md §2') }),
    deductibleYuan: money({ unit: 'yuan/injury', zh: '意外医疗免赔额', en: 'Accident medical: deductible per injury', source: article('按80%的比例赔付…免赔额为0元,保险金额最高为5万元', 'FIGURES.md §2') }),
    annualLimitYuan: money({ unit: 'yuan/person/year', zh: '意外医疗保险金额(年度赔付上限)', en: 'Accident medical: sum insured (limit on payments per person-year)', source: article('按80%的比例赔付…免赔额为0元,保险金额最高为5万元', 'FIGURES.md §2') }),
    reasonableShare: rate({ zh: '意外医疗费用中合理费用比例', en: 'Accident medical: share of the remaining cost the insurer accepts as reasonable', source: assumed('90% of what is left after social insurance counts as reasonable (合理费用).') }),
  },
  topUp: {
    rate: rate({ zh: '重病住院补充赔付比例', en: 'Top-up inpatient: share of the reasonable remaining cost paid', source: article('按100%比例赔付,保险金额最高为30万元/年', 'FIGURES.md §2') }),
    annualLimitYuan: money({ unit: 'yuan/person/year', zh: '重病住院补充年度保险金额', en: 'Top-up inpatient: limit on payments per person-year', source: article('按100%比例赔付,保险金额最高为30万元/年', 'FIGURES.md §2') }),
    reasonableShare: rate({ zh: '剩余费用中合理费用比例', en: 'Top-up inpatient: share of the cost left after social and other insurance accepted as reasonable', source: assumed('90% of the remaining cost counts as reasonable (合理费用); the rest (e.g. non-catalogue items the insurer refuses) stays with the family.') }),
    eligibleGroups: strings({ unit: 'groups', values: ILLNESS_POOR_GROUPS, zh: '可获重病住院补充赔付的分组', en: 'Carrier groups the top-up inpatient cover pays for', source: article('(supplementary inpatient insurance for the seriously ill) 按100%比例赔付', 'FIGURES.md §2') }),
  },
  allowance: {
    perDayYuan: money({ unit: 'yuan/day', zh: '住院津贴(每天)', en: 'Hospital allowance per day', source: article('按100元/人/天给予住院津贴,保险赔付金额最高为3.65万元/年', 'FIGURES.md §2') }),
    annualLimitYuan: money({ unit: 'yuan/person/year', zh: '住院津贴年度上限', en: 'Hospital allowance: limit per person-year', source: article('按100元/人/天给予住院津贴,保险赔付金额最高为3.65万元/年', 'FIGURES.md §2') }),
    deductibleDays: count({ unit: 'days/stay', max: 365, zh: '住院津贴免赔天数', en: 'Hospital allowance: days of each stay not paid', source: assumed('The article states no waiting days.') }),
  },

  premium: {
    mode: oneOf(['fundingRemainder', 'expectedClaims', 'fixedPerHousehold'] as const, { unit: 'mode', zh: '商业保费确定方式', en: 'How the commercial premium is set: what the funding leaves after basic premiums, expected claims × (1 + loading), or a fixed sum per household', source: assumed('The article: the whole 4.45M buys the package, so the commercial premium is what is left after the basic premiums (fundingRemainder).') }),
    loading: num({ unit: 'share of expected claims', min: 0, max: 5, zh: '保费附加率', en: 'Premium loading on expected claims (expectedClaims mode)', source: assumed('Expense and profit loading of tendered group health business, 15%.') }),
    fixedPerHouseholdYuan: money({ unit: 'yuan/household/year', zh: '每户固定商业保费', en: 'Commercial premium per household (fixedPerHousehold mode)', source: assumed('About what the baseline spends per household.') }),
    pricingPersonYears: count({ unit: 'person-years', min: 100, max: 10_000_000, zh: '定价模拟人年数(每类人员)', en: 'Person-years per kind of person simulated to price expected claims', source: assumed('Enough for a pricing standard error of about 1%.') }),
  },
  risk: {
    extraYears: count({ unit: 'policy years', max: 100_000, zh: '每次重复额外模拟的保险年度数', en: 'Extra policy years of the same insured book simulated per replication for the claims distribution', source: assumed('Gives the probability that claims exceed the premium and the 95%/99% quantiles of total claims.') }),
  },
  catastrophic: {
    measure: oneOf(['capacityToPay', 'totalSpending'] as const, { unit: 'measure', zh: '灾难性卫生支出的分母', en: 'Denominator of catastrophic health expenditure: capacity to pay (income − food) or total spending (income)', source: statistic('WHO: out-of-pocket ≥ 40% of capacity to pay (Xu et al. 2003); SDG 3.8.2: > 10% or 25% of total consumption. EXTERNAL.md', 'H') }),
    threshold: rate({ unit: 'share', zh: '灾难性卫生支出阈值', en: 'Catastrophic threshold (share of the denominator)', source: statistic('40% of capacity to pay (Xu et al., Lancet 2003), EXTERNAL.md', 'H') }),
    before: oneOf(['noInsurance', 'basicOnly'] as const, { unit: 'counterfactual', zh: '"参保前"自付的含义', en: 'What "before the package" means: no insurance at all, or basic and serious-illness insurance only', source: assumed('The package buys the basic insurance too, so without it these households would have none.') }),
  },
} as const;
