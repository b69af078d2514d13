import { article } from '../../scenario/provenance.js';
import { count, money } from '../../scenario/spec.js';

/** Parameters of the "timely help" insurance package (雪中送炭). */
export const insuranceParameters = {
  households: count({ unit: 'households', zh: '参保困难家庭户数', en: 'Insured hardship households', source: article('经第三方机构逐一入户评估确定的529户特殊困难群众', 'FIGURES.md §2') }),
  fundingYuan: money({ zh: '年度投入资金', en: 'Annual funding (district budget + charity association)', source: article('2016年,武侯区政府(财政)和区慈善会共同投入445万元', 'FIGURES.md §2') }),
} as const;
