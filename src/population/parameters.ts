import { article, assumed, statistic } from '../scenario/provenance.js';
import { count, money, num, numbers, rate } from '../scenario/spec.js';

/** Household categories, in the order of the `category` column codes. */
export const CATEGORIES = ['dibao', 'marginal', 'specialHardship'] as const;
export type Category = (typeof CATEGORIES)[number];

/** Illness groups, in the order of the `illnessGroup` column codes. */
export const ILLNESS_GROUPS = ['none', 'serious', 'mild', 'ordinaryDisability'] as const;
export type IllnessGroup = (typeof ILLNESS_GROUPS)[number];

const SIZE_NOTE = 'Weights of household sizes 1, 2, 3, 4, 5 persons.';

function categoryParameters(zh: string, en: string, d: { households: string; size: string; income: string; illness: string }) {
  return {
    households: count({ unit: 'households', zh: `${zh}户数`, en: `${en} households`, source: assumed(d.households) }),
    sizeWeights: numbers({ unit: 'weights', min: 0, length: 5, zh: `${zh}家庭人口分布(1–5人)`, en: `${en} household size weights (1–5 persons)`, source: assumed(`${SIZE_NOTE} ${d.size}`) }),
    incomePerPersonYuan: money({ unit: 'yuan/person/month', zh: `${zh}人均月收入(含救助)`, en: `${en} income per person per month, incl. benefits`, source: assumed(d.income) }),
    incomeCv: num({ unit: 'ratio', min: 0, max: 5, zh: `${zh}收入变异系数`, en: `${en} income coefficient of variation`, source: assumed('Spread of income between households of the category (lognormal).') }),
    illnessGroupWeights: numbers({ unit: 'weights', min: 0, length: 4, zh: `${zh}疾病分组权重(无/重病/轻病/普通或残疾)`, en: `${en} illness group weights (none, serious, mild, ordinary/disability)`, source: assumed(d.illness) }),
  };
}

/** The synthetic population: who lives in Wuhou's hardship households. */
export const populationParameters = {
  subdistricts: count({
    unit: 'subdistricts',
    min: 1,
    max: 255,
    zh: '街道数',
    en: 'Subdistricts',
    source: article('全区13个街道共建成14家', 'FIGURES.md §1'),
  }),
  subdistrictWeights: numbers({
    unit: 'weights',
    min: 0,
    minLength: 1,
    zh: '各街道困难家庭分布权重',
    en: 'Share of hardship households by subdistrict (weights)',
    source: assumed('Equal weights: the article gives no breakdown by subdistrict.'),
  }),
  // Bounded to what any Chinese city's standard could be: the supermarket scales purchases
  // by income ÷ standard, which a near-zero standard would blow up.
  dibaoStandardYuan: num({
    unit: 'yuan/person/month',
    min: 100,
    max: 10_000,
    zh: '城市低保标准',
    en: 'Urban minimum living standard (dibao)',
    source: statistic('Chengdu central districts incl. Wuhou from Nov 2013: 430 yuan (成府发〔2013〕21号), EXTERNAL.md', 'H'),
  }),
  // At least 10%: no household spends less on food (national urban Engel coefficient 29.3%).
  foodShare: num({
    unit: 'share',
    min: 0.1,
    max: 1,
    zh: '食品支出占收入比重',
    en: 'Food spending as a share of income',
    source: statistic('Lowest-income urban decile, food 37% of spending (Shanxi yearbook 2013, proxy), EXTERNAL.md', 'L'),
  }),
  ageBandWeights: numbers({
    unit: 'weights',
    min: 0,
    length: 3,
    zh: '年龄段权重(0–17/18–59/60+)',
    en: 'Age band weights (0–17, 18–59, 60+)',
    source: assumed('Hardship households are older than average; no published Wuhou breakdown.'),
  }),
  dibao: categoryParameters('低保', 'Dibao (minimum living standard)', {
    households: 'About 0.6% of Wuhou\'s 1.08M residents (2010 census) on dibao at 1.78 persons/household (national 2015 ratio): ~3,600 households.',
    size: 'Mean about 1.8 persons, the national 2015 urban dibao ratio (17.011M persons / 9.574M households).',
    income: 'Dibao tops income up to the 430 yuan standard; some households have a little more.',
    illness: 'Share of dibao households with a chronically ill or disabled member.',
  }),
  marginal: categoryParameters('低保边缘', 'Marginal (near-dibao)', {
    households: 'About half as many households as on dibao.',
    size: 'Slightly larger households than dibao.',
    income: 'Marginal households earn up to about 1.5× the dibao standard.',
    illness: 'Share of marginal households with a chronically ill or disabled member.',
  }),
  specialHardship: categoryParameters('特殊困难', 'Special hardship', {
    households: 'The pool from which the third party assessed the 529 insured households (529户特殊困难群众); larger than 529.',
    size: 'Households of about 2–3 persons.',
    income: 'Above the dibao line but impoverished by medical or disability spending (支出型贫困).',
    illness: 'Mostly poor through illness or disability; the Xinhua account sorts them into serious, mild and ordinary (disability) groups.',
  }),
} as const;
