import { CATEGORIES } from '../../population/parameters.js';
import { article, assumed } from '../../scenario/provenance.js';
import { flag, money, month, num, numbers, oneOf, rate, strings } from '../../scenario/spec.js';

const VEG_QUOTE = '以优惠价(相当于市场价的6折)购买100元以内的蔬菜';
const STAPLES_QUOTE = '以优惠价(相当于市场价的8折)购买200元以内的米、面、油、肉蛋奶';
const REF = 'FIGURES.md §1';

/** What may happen to card credit left unspent at the end of a month. */
export const UNSPENT_POLICIES = ['rollOver', 'expire', 'capped'] as const;
export type UnspentPolicy = (typeof UNSPENT_POLICIES)[number];

/** How a card holder's visits in a month vary around its own mean rate λ. */
export const VISIT_DISTRIBUTIONS = ['regular', 'poisson'] as const;
export type VisitDistribution = (typeof VISIT_DISTRIBUTIONS)[number];

/** Whether a monthly cap counts the discounted amount paid or the market value bought. */
export const CAP_BASES = ['paid', 'market'] as const;
export type CapBasis = (typeof CAP_BASES)[number];

/** A price factor is a share of market price in (0, 1]: 0 would give goods away, above 1 is a surcharge. */
function priceFactor(zh: string, en: string, quote: string) {
  return num({ unit: 'share of market price', min: 0, minExclusive: true, max: 1, zh, en, source: article(quote, REF) });
}

/** Parameters of the charity benefit supermarket (慈善惠民超市). */
export const supermarketParameters = {
  vegetables: {
    priceFactor: priceFactor('蔬菜优惠价折扣', 'Vegetables: price as a share of market price', VEG_QUOTE),
    cap: money({ unit: 'yuan/month', zh: '蔬菜每月限额', en: 'Vegetables: monthly cap', source: article(VEG_QUOTE, REF) }),
  },
  staples: {
    priceFactor: priceFactor('米面油肉蛋奶优惠价折扣', 'Staples: price as a share of market price', STAPLES_QUOTE),
    cap: money({ unit: 'yuan/month', zh: '米面油肉蛋奶每月限额', en: 'Staples: monthly cap', source: article(STAPLES_QUOTE, REF) }),
  },
  subsidy: {
    monthlyYuan: money({ unit: 'yuan/card/month', zh: '每卡每月购物补贴', en: 'Monthly shopping subsidy per card', source: article('每月资助购物补贴60元', REF) }),
    unspent: oneOf(UNSPENT_POLICIES, {
      unit: 'policy',
      zh: '未用完补贴的处理(结转/清零/封顶结转)',
      en: 'Unspent card credit: roll over, expire at month end, or roll over up to a balance cap',
      source: assumed(
        'The article does not say. Expiry at month end (当月有效) is the baseline: with it the fitted food spending stays near the external statistic; roll-over also reproduces the targets but needs about 25% more food spending (docs/supermarket.md).',
      ),
    }),
    spendDown: flag({
      unit: 'yes/no',
      zh: '到店时用完卡内补贴(不足部分购买其他商品)',
      en: 'On a visit, card holders spend their whole card balance, buying other goods at market price if needed',
      source: assumed('The credit is as good as cash at the store (补贴在超市使用), so a poor household uses it when it shops.'),
    }),
    maxBalanceYuan: money({
      unit: 'yuan/card',
      zh: '卡内补贴余额上限(封顶结转时)',
      en: 'Largest card balance when unspent credit is capped',
      source: assumed('Only used when unspent = capped: two months of credit.'),
    }),
  },
  capBasis: oneOf(CAP_BASES, {
    unit: 'basis',
    zh: '限额口径(按实付金额/按市场价值)',
    en: 'What the caps count: the discounted amount paid, or the market value bought',
    source: article('以优惠价…购买100元以内 (ambiguous: read here as the amount paid at the discounted price)', REF),
  }),
  stores: {
    openingMonths: strings({
      unit: 'months',
      pattern: /^\d{4}-(0[1-9]|1[0-2])$/,
      patternText: 'a month written YYYY-MM',
      zh: '各超市开业月份',
      en: 'Opening month of each store',
      source: assumed('Roll-out from February 2013 (自2013年2月起) to 14 stores (共建成14家); the article gives no dates, so three stores (one per operating company) open first and the rest about one a quarter until every subdistrict has one by late 2015.'),
    }),
    subdistricts: numbers({
      unit: 'subdistrict number (1 = first)',
      integer: true,
      min: 1,
      minLength: 1,
      zh: '各超市所在街道编号',
      en: 'Subdistrict of each store (1 = first subdistrict)',
      source: article('全区13个街道共建成14家…每个街道至少有1家', REF),
    }),
  },
  cards: {
    eligibleCategories: strings({
      unit: 'categories',
      values: CATEGORIES,
      zh: '发卡对象(家庭类别)',
      en: 'Household categories that may hold a card',
      source: article('武侯区低保人员及边缘群众累计有9万余人次享受到…购物优惠', REF),
    }),
    takeUpShare: rate({
      zh: '愿意办卡的符合条件家庭比例',
      en: 'Share of eligible households willing to hold a card',
      source: assumed('assumed; calibrated to target supermarket.subsidy (60 yuan is spent in each card-month with a visit, so the subsidy fixes how many cards there are)', { lower: 0.1, upper: 1, targets: ['supermarket.subsidy', 'supermarket.personTimes'] }),
    }),
    monthlyTakeUp: rate({
      unit: 'probability/month',
      zh: '每月办卡概率(愿意办卡且尚未持卡者)',
      en: 'Monthly probability that a willing household without a card takes one up',
      source: assumed('Cards spread through subdistrict offices within months of a store opening: about a quarter of the remaining willing households a month.'),
    }),
    monthlyAttrition: rate({
      unit: 'probability/month',
      zh: '每月退卡概率',
      en: 'Monthly probability that a card holder leaves the scheme (card lapses, household moves or leaves dibao)',
      source: assumed('About 12% a year, similar to yearly turnover of dibao rolls; a leaver may take a card up again later.'),
    }),
  },
  visits: {
    distribution: oneOf(VISIT_DISTRIBUTIONS, {
      unit: 'distribution',
      zh: '每月到店次数分布(规律/泊松)',
      en: 'Monthly visits around a household\'s own rate: regular (⌊λ⌋ or ⌊λ⌋+1) or Poisson(λ)',
      source: assumed('Monthly credit and caps that reset each month reward a regular monthly trip, so visits are regular around each household\'s rate; Poisson is the memoryless alternative.'),
    }),
    meanPerMonth: num({
      unit: 'visits/card/month',
      min: 0,
      max: 9,
      zh: '持卡家庭月均到店次数',
      en: 'Mean store visits per card holder per month',
      source: assumed('assumed; calibrated to target supermarket.personTimes (person-times are card-holder visits)', { lower: 0.5, upper: 4, targets: ['supermarket.personTimes'] }),
    }),
    dispersion: num({
      unit: 'gamma shape',
      min: 0,
      minExclusive: true,
      max: 1000,
      zh: '到店频率的家庭间差异(形状参数,越小差异越大)',
      en: 'Spread of visit rates between households (gamma shape: small = very unequal)',
      source: assumed('Household visit rates vary with distance to the store and mobility: coefficient of variation 1/√shape = 0.5.'),
    }),
    maxMonthsPerVisit: num({
      unit: 'months of purchases',
      min: 0,
      minExclusive: true,
      max: 12,
      zh: '每次到店最多购买的月用量',
      en: 'Most months of usual store purchases one visit buys (infrequent visitors buy less at the store)',
      source: assumed('Staples keep, vegetables do not: a visit buys at most two months of the usual basket.'),
    }),
  },
  purchases: {
    vegetablesPerPersonYuan: money({
      unit: 'yuan/person/month',
      zh: '人均每月蔬菜支出(收入为低保标准时)',
      en: 'Vegetable spending per person per month, at an income of the dibao standard',
      source: assumed(
        'assumed; calibrated to target supermarket.discount. Started from the lowest urban income decile, Shanxi 2012: vegetables 271 yuan/person/year = 22.6/month (EXTERNAL.md, L), raised for Chengdu 2013–16 prices.',
        { lower: 15, upper: 60, targets: ['supermarket.discount'] },
      ),
    }),
    staplesPerPersonYuan: money({
      unit: 'yuan/person/month',
      zh: '人均每月米面油肉蛋奶支出(收入为低保标准时)',
      en: 'Spending on rice, flour, oil, meat, eggs and milk per person per month, at an income of the dibao standard',
      source: assumed(
        'assumed; calibrated to target supermarket.discount. Started from the lowest urban income decile, Shanxi 2012: grain 370 + oil 110 + meat 315 + eggs 74 = 869 yuan/person/year = 72.4/month, plus milk (EXTERNAL.md, L), raised for Chengdu 2013–16 prices.',
        { lower: 50, upper: 160, targets: ['supermarket.discount'] },
      ),
    }),
    sizeElasticity: num({
      unit: 'elasticity',
      min: 0,
      max: 1.5,
      zh: '食品支出对家庭人口的弹性',
      en: 'Elasticity of food spending with household size (1 = proportional)',
      source: assumed('Small economies of scale in food: spending grows as size^0.9.'),
    }),
    incomeElasticity: num({
      unit: 'elasticity',
      min: 0,
      max: 2,
      zh: '食品支出对人均收入的弹性',
      en: 'Elasticity of food spending with income per person (Engel)',
      source: assumed('Engel: food spending rises about half as fast as income among the poor.'),
    }),
    householdCv: num({
      unit: 'ratio',
      min: 0,
      max: 3,
      zh: '家庭间食品支出变异系数',
      en: 'Spread of food spending between households of the same size and income (coefficient of variation)',
      source: assumed('Tastes, health and diet differ between households (lognormal, CV 0.3).'),
    }),
    monthlyCv: num({
      unit: 'ratio',
      min: 0,
      max: 3,
      zh: '每月购物金额波动(变异系数)',
      en: 'Month-to-month spread of a household\'s store purchases (coefficient of variation)',
      source: assumed('Purchases vary from month to month (lognormal, CV 0.3), on top of the number of visits.'),
    }),
    storeShareAtMarketPrice: rate({
      zh: '无折扣时在超市购买的比例',
      en: 'Share of a category bought at the store when it has no discount',
      source: assumed('Card holders would still buy some food at the store for its card credit and convenience: 40%.'),
    }),
    priceResponse: num({
      unit: 'log-odds per unit discount',
      min: 0,
      max: 50,
      zh: '在超市购买比例对折扣的反应(对数几率/折扣)',
      en: 'How the store\'s share of a category grows with its discount (log-odds per unit of discount)',
      source: assumed('Logistic response: at 7, a 40% discount (vegetables) lifts the share from 40% to 92%, a 20% discount (staples) to 73%.'),
    }),
  },
  public: {
    salesPerStoreMonthYuan: money({
      unit: 'yuan/store/month',
      zh: '每店每月对社会公众销售额(市场价)',
      en: 'Sales to the public per store per month, at market price',
      source: assumed('assumed; calibrated to target supermarket.donationPer100 (discounts per 100 yuan of public sales)', { lower: 50_000, upper: 400_000, targets: ['supermarket.donationPer100'] }),
    }),
    salesCv: num({
      unit: 'ratio',
      min: 0,
      max: 3,
      zh: '各店各月公众销售额波动(变异系数)',
      en: 'Spread of public sales between stores and months (coefficient of variation)',
      source: assumed('Store size and season move sales by about 20%.'),
    }),
  },
  operator: {
    grossMargin: rate({
      zh: '运营企业毛利率(按市场价)',
      en: 'Operator gross margin on sales at market price',
      source: assumed('Typical of Chinese community supermarkets selling fresh food: about 18% of sales.'),
    }),
    runningCostPerStoreMonthYuan: money({
      unit: 'yuan/store/month',
      zh: '每店每月运营费用(场地免费)',
      en: 'Running cost per store per month (staff, utilities, losses; premises are free)',
      source: assumed('Five to six staff at Chengdu wages plus utilities and wastage; premises free (免费使用政府提供的场地). Chosen so that the baseline operator is moderately profitable (保证适度赢利), not fitted to a numeric target.'),
    }),
  },
  reporting: {
    from: month({ unit: 'month', zh: '统计起始月份', en: 'First month of the reporting window', source: article('自2013年2月起…自超市开办以来', REF) }),
    to: month({ unit: 'month', zh: '统计截止月份', en: 'Last month of the reporting window', source: assumed('The article\'s cumulative figures are taken to run to its writing, January 2017.') }),
  },
} as const;

/** Index codes (into CATEGORIES) of the eligible categories. */
export function eligibleCategoryCodes(names: readonly string[]): number[] {
  return names.map((n) => (CATEGORIES as readonly string[]).indexOf(n)).filter((c) => c >= 0);
}
