import { article } from '../../scenario/provenance.js';
import { oneOf, strings } from '../../scenario/spec.js';

export const PAIRING_FORMS = ['oneToOne', 'oneToMany', 'manyToOne'] as const;

/** Parameters of the charity pairing platform (慈善日记). */
export const pairingParameters = {
  forms: strings({ unit: 'forms', values: PAIRING_FORMS, zh: '结对形式', en: 'Pairing forms in use', source: article('采取"一帮一""一帮多""多帮一"等形式', 'FIGURES.md §3') }),
  policy: oneOf(['urgencyFirst', 'greedyBySize', 'optimal'] as const, { unit: 'policy', zh: '匹配策略', en: 'Matching policy', source: article('建立困难群众需求信息库 (needs matched by urgency)', 'FIGURES.md §3') }),
} as const;
