import type { Bilingual, Lang } from './lang.js';

/**
 * Chart and report wording in Chinese and English. Parameter and metric labels are not
 * here: they live with their specs in the catalogue and the MetricSpecs. `{name}` marks a
 * value filled in by `t()`.
 */
export const TEXT = {
  yuan: { zh: '元', en: 'yuan' },
  households: { zh: '户', en: 'households' },
  payer: { zh: '出资方', en: 'Payer' },
  programme: { zh: '项目', en: 'Programme' },
  category: { zh: '家庭类别', en: 'Household category' },

  costByPayerTitle: { zh: '各出资方净支出（按项目）', en: 'Net spending by payer and programme' },
  amountAxis: { zh: '金额（元）', en: 'Amount (yuan)' },
  costAxis: { zh: '净支出（元）', en: 'Net spending (yuan)' },

  benefitTitle: { zh: '家庭所获帮扶金额分布（按家庭类别）', en: 'Relief per household, by household category' },
  benefitAxis: { zh: '每户帮扶金额（元）', en: 'Relief per household (yuan)' },
  householdsAxis: { zh: '家庭数', en: 'Households' },

  sweepTitle: { zh: '参数扫描：{metric}', en: 'Parameter sweep: {metric}' },

  frontierTitle: { zh: '成本与成效的前沿', en: 'Cost–outcome frontier' },
  frontierCandidates: { zh: '备选方案', en: 'Candidate policies' },
  frontierLine: { zh: '有效前沿', en: 'Efficient frontier' },

  calibrationTitle: { zh: '校准：模拟结果与文章数据对照', en: 'Calibration: simulated results against the article' },
  calibrationAxis: { zh: '占目标中值的百分比（%）', en: 'Percent of the target midpoint (%)' },
  calibrationTarget: { zh: '文章目标区间', en: 'Article target range' },
  calibrationSimulated: { zh: '模拟均值及95%区间', en: 'Simulated mean and 95% interval' },

  waterfallTitle: { zh: '保险赔付瀑布图：各层保障的支付', en: 'Insurance waterfall: what each cover layer pays' },
  waterfallRemaining: { zh: '家庭自付', en: 'Left to households' },

  claimsTitle: { zh: '保险公司赔付总额分布（各次模拟）', en: 'Insurer claims paid across replications' },
  claimsAxis: { zh: '赔付总额（元）', en: 'Claims paid (yuan)' },
  replicationsAxis: { zh: '模拟次数', en: 'Replications' },
  premiumMark: { zh: '保费 {value} 元', en: 'Premium {value} yuan' },
  claimsExceedShare: { zh: '赔付超过保费的概率：{value}', en: 'Probability claims exceed the premium: {value}' },

  sankeyTitle: { zh: '结对帮扶资金流向', en: 'Charity pairing: where the money goes' },
  sankeyHeld: { zh: '慈善会结存', en: 'Held by the association' },

  tornadoTitle: { zh: '敏感性分析：{metric}', en: 'Sensitivity: {metric}' },
  tornadoLow: { zh: '参数取低值', en: 'Parameter at low value' },
  tornadoHigh: { zh: '参数取高值', en: 'Parameter at high value' },
  tornadoBase: { zh: '基线', en: 'Baseline' },

  reachTitle: { zh: '家庭覆盖情况', en: 'Households reached' },
  reachNone: { zh: '未被任何项目覆盖', en: 'Reached by no programme' },
  reachOne: { zh: '仅被一个项目覆盖', en: 'Reached by one programme' },
  reachSeveral: { zh: '被两个及以上项目覆盖', en: 'Reached by two or more programmes' },
} as const satisfies Record<string, Bilingual>;

export type TextKey = keyof typeof TEXT;

/** The text for `key` in `lang`, with `{name}` placeholders filled from `vars`. */
export function t(key: TextKey, lang: Lang, vars: Record<string, string | number> = {}): string {
  return TEXT[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
