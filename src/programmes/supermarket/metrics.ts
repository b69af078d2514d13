import type { MetricSpec } from '../../metrics/metric.js';

const WINDOW = 'supermarket.reporting.from to supermarket.reporting.to (cumulative; baseline 2013-02 to 2017-01)';
const AT_END = 'end of the reporting window (supermarket.reporting.to)';
const OVER_WINDOW = 'card-holder months in the reporting window';

const PRICING = ['supermarket.vegetables.', 'supermarket.staples.', 'supermarket.capBasis', 'supermarket.purchases.', 'supermarket.visits.', 'supermarket.cards.', 'supermarket.stores.', 'supermarket.reporting.', 'population.'];
const CARDS = ['supermarket.cards.', 'supermarket.stores.', 'supermarket.reporting.', 'population.'];
const SUBSIDY = ['supermarket.subsidy.', ...PRICING];
const PUBLIC = ['supermarket.public.', 'supermarket.stores.', 'supermarket.reporting.'];

function m(id: string, unit: string, zh: string, en: string, window: string, dependsOn: readonly string[]): MetricSpec {
  return { id: `supermarket.${id}`, programme: 'supermarket', unit, zh, en, window, dependsOn };
}

/** Everything the supermarket reports; ids are stable (scripts and notebooks use them). */
export const supermarketMetrics: readonly MetricSpec[] = [
  m('personTimes', 'person-times', '持卡人优惠购物人次', 'Card-holder visits with discounted purchases (person-times)', WINDOW, [...CARDS, 'supermarket.visits.']),
  m('discountYuan', 'yuan', '购物优惠总额(运营企业让利)', 'Discounts given to card holders (paid by the store operators)', WINDOW, PRICING),
  m('subsidyYuan', 'yuan', '购物补贴支出(区慈善会)', 'Card subsidy spent at the stores (paid by the charity association)', WINDOW, SUBSIDY),
  m('cardHolders', 'households', '持卡家庭数(期末)', 'Card-holding households at the end of the window', AT_END, CARDS),
  m('publicDonationPer100Yuan', 'yuan per 100 yuan of public sales', '公众每消费100元捐出的优惠', 'Discounts given per 100 yuan of public sales (the public\'s "donation")', WINDOW, [...PRICING, ...PUBLIC]),
  m('operatorProfitYuan', 'yuan', '运营企业利润', 'Store operators\' profit: gross margin on all sales − discounts − running costs', WINDOW, [...PRICING, ...PUBLIC, 'supermarket.operator.']),
  m('cardHoldersEver', 'households', '曾持卡家庭数', 'Households that held a card at some time in the window', WINDOW, CARDS),
  m('cardMonths', 'card-months', '持卡户月数', 'Card-holder months', WINDOW, CARDS),
  m('visitsPerCardMonth', 'visits/card-month', '持卡户月均到店次数', 'Visits per card-holder month', OVER_WINDOW, [...CARDS, 'supermarket.visits.']),
  m('subsidyCreditedYuan', 'yuan', '已发放到卡的补贴', 'Subsidy credited to cards', WINDOW, ['supermarket.subsidy.', ...CARDS]),
  m('subsidyForfeitedYuan', 'yuan', '作废的补贴(过期、超上限、退卡)', 'Credit forfeited (expired, above the balance cap, or on leaving)', WINDOW, SUBSIDY),
  m('subsidyOutstandingYuan', 'yuan', '卡内未用补贴余额(期末)', 'Unspent credit left on cards at the end of the window', AT_END, SUBSIDY),
  m('ownSpendingYuan', 'yuan', '持卡家庭自付金额', 'Card holders\' own money spent at the stores', WINDOW, SUBSIDY),
  m('cardSalesYuan', 'yuan', '持卡家庭购物市场价值', 'Market value of card holders\' purchases at the stores', WINDOW, PRICING),
  m('publicSalesYuan', 'yuan', '对公众销售额', 'Sales to the public (market price)', WINDOW, PUBLIC),
  m('storeMonths', 'store-months', '超市营业店月数', 'Store-months open', WINDOW, ['supermarket.stores.', 'supermarket.reporting.']),
  m('vegetables.capBindingShare', 'share of card-holder months', '蔬菜限额起作用的持卡户月比例', 'Share of card-holder months in which the vegetables cap binds', OVER_WINDOW, PRICING),
  m('staples.capBindingShare', 'share of card-holder months', '米面油肉蛋奶限额起作用的持卡户月比例', 'Share of card-holder months in which the staples cap binds', OVER_WINDOW, PRICING),
  m('benefitPerHouseholdMonthYuan', 'yuan/card-month', '持卡家庭月均受益(优惠+补贴)', 'Benefit per card-holder month (discount + subsidy)', OVER_WINDOW, SUBSIDY),
  m('benefitPerHouseholdMonthYuan.dibao', 'yuan/card-month', '低保家庭月均受益', 'Benefit per card-holder month: dibao households', OVER_WINDOW, SUBSIDY),
  m('benefitPerHouseholdMonthYuan.marginal', 'yuan/card-month', '低保边缘家庭月均受益', 'Benefit per card-holder month: marginal households', OVER_WINDOW, SUBSIDY),
  m('benefitPerHouseholdMonthYuan.specialHardship', 'yuan/card-month', '特殊困难家庭月均受益', 'Benefit per card-holder month: special hardship households', OVER_WINDOW, SUBSIDY),
  m('foodSpendingCoveredShare', 'share', '优惠与补贴占持卡家庭食品支出比例', 'Discount + subsidy as a share of card holders\' food spending', OVER_WINDOW, [...SUBSIDY, 'population.foodShare']),
  m('storeShareOfFoodSpending', 'share', '超市购物(市场价)占食品支出比例', 'Card holders\' store purchases (market value) as a share of their food spending', OVER_WINDOW, [...PRICING, 'population.foodShare']),
  m('categorySpendPerPersonYuan', 'yuan/person/month', '人均每月蔬菜与米面油肉蛋奶支出', 'Vegetables + staples spending per person per month in card-holding households', OVER_WINDOW, ['supermarket.purchases.', ...CARDS]),
  m('foodSpendPerPersonYuan', 'yuan/person/month', '持卡家庭人均每月食品支出', 'Food spending per person per month in card-holding households', OVER_WINDOW, ['population.', ...CARDS]),
];
