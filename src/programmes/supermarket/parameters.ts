import { article } from '../../scenario/provenance.js';
import { money, rate } from '../../scenario/spec.js';

/** Parameters of the charity benefit supermarket (慈善惠民超市). */
export const supermarketParameters = {
  vegetables: {
    priceFactor: rate({ unit: 'share of market price', zh: '蔬菜优惠价折扣', en: 'Vegetables: price as a share of market price', source: article('以优惠价(相当于市场价的6折)购买100元以内的蔬菜', 'FIGURES.md §1') }),
    cap: money({ unit: 'yuan/month', zh: '蔬菜每月限额', en: 'Vegetables: monthly cap', source: article('以优惠价(相当于市场价的6折)购买100元以内的蔬菜', 'FIGURES.md §1') }),
  },
  staples: {
    priceFactor: rate({ unit: 'share of market price', zh: '米面油肉蛋奶优惠价折扣', en: 'Staples: price as a share of market price', source: article('以优惠价(相当于市场价的8折)购买200元以内的米、面、油、肉蛋奶', 'FIGURES.md §1') }),
    cap: money({ unit: 'yuan/month', zh: '米面油肉蛋奶每月限额', en: 'Staples: monthly cap', source: article('以优惠价(相当于市场价的8折)购买200元以内的米、面、油、肉蛋奶', 'FIGURES.md §1') }),
  },
  subsidy: {
    monthlyYuan: money({ unit: 'yuan/card/month', zh: '每卡每月购物补贴', en: 'Monthly shopping subsidy per card', source: article('每月资助购物补贴60元', 'FIGURES.md §1') }),
  },
} as const;
