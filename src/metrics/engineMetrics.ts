import type { Account } from '../core/accounts.js';
import type { MetricSpec } from './metric.js';

/** Payers whose net spending the engine reports as `cost.<account>`. */
export const PAYERS: readonly Account[] = ['districtBudget', 'charityAssociation', 'storeOperators', 'insurer', 'donors'];

const PAYER_LABELS: Record<string, [string, string]> = {
  districtBudget: ['区财政净支出', 'District budget: net spending'],
  charityAssociation: ['区慈善会净支出', 'Charity association: net spending'],
  storeOperators: ['超市运营企业净支出', 'Store operators: net spending'],
  insurer: ['保险公司净支出', 'Insurer: net spending'],
  donors: ['爱心捐赠方净支出', 'Donors: net spending'],
};

/** Metrics that span programmes, computed by the engine from the ledger and outcomes. */
export const engineMetrics: readonly MetricSpec[] = [
  { id: 'population.households', programme: 'engine', unit: 'households', zh: '困难家庭户数', en: 'Hardship households', window: 'whole population', dependsOn: ['population.'] },
  { id: 'population.persons', programme: 'engine', unit: 'persons', zh: '困难人口', en: 'Persons in hardship households', window: 'whole population', dependsOn: ['population.'] },
  ...PAYERS.map(
    (a): MetricSpec => ({ id: `cost.${a}`, programme: 'engine', unit: 'yuan', zh: PAYER_LABELS[a]![0], en: PAYER_LABELS[a]![1], window: 'whole simulation (money out − money in; stores: discounts given)', dependsOn: ['supermarket.', 'insurance.', 'pairing.'] }),
  ),
  { id: 'reach.none', programme: 'engine', unit: 'households', zh: '未被任何项目覆盖的家庭', en: 'Households reached by no programme', window: 'whole simulation', dependsOn: ['supermarket.', 'insurance.', 'pairing.', 'population.'] },
  { id: 'reach.several', programme: 'engine', unit: 'households', zh: '被两个及以上项目覆盖的家庭', en: 'Households reached by two or more programmes', window: 'whole simulation', dependsOn: ['supermarket.', 'insurance.', 'pairing.', 'population.'] },
];
