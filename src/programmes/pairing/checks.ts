import { monthNumber } from '../../core/calendar.js';
import type { CheckIssue, ScenarioCheck } from '../../scenario/checks.js';
import { NEED_TYPES } from './vocabulary.js';

/** Paths and duplicates of a list parameter that must name each item once. */
function noDuplicates(path: string, list: readonly string[]): CheckIssue[] {
  const seen = new Set<string>();
  const dup = list.filter((x) => (seen.has(x) ? true : (seen.add(x), false)));
  return dup.length ? [{ path, problem: 'names an item twice', got: list, expected: 'each item at most once' }] : [];
}

/** Rules across several pairing parameters, run after each value is valid on its own. */
export const pairingChecks: ScenarioCheck[] = [
  (v) => (v.pairing.forms.length === 0 ? [{ path: 'pairing.forms', problem: 'no pairing form in use', got: v.pairing.forms, expected: 'at least one of oneToOne, oneToMany, manyToOne' }] : []),
  (v) => noDuplicates('pairing.forms', v.pairing.forms),
  (v) => noDuplicates('pairing.needs.eligibleCategories', v.pairing.needs.eligibleCategories),
  (v) => noDuplicates('pairing.preferences.needTypes', v.pairing.preferences.needTypes),
  (v) =>
    v.pairing.preferences.needTypes.includes('employment')
      ? [{ path: 'pairing.preferences.needTypes', problem: 'money pledges cannot prefer employment: employment needs are met by places, not money', got: v.pairing.preferences.needTypes, expected: 'need types among medical, schooling, living' }]
      : [],
  (v) =>
    v.pairing.preferences.needTypeShare > 0 && v.pairing.preferences.needTypes.length === 0
      ? [{ path: 'pairing.preferences.needTypes', problem: 'some pledges prefer a need type but none is listed', got: [], expected: 'at least one need type, or needTypeShare 0' }]
      : [],
  (v) =>
    monthNumber(v.pairing.window.to) < monthNumber(v.pairing.window.from)
      ? [{ path: 'pairing.window.to', problem: 'window ends before it starts', got: v.pairing.window.to, expected: `a month from ${v.pairing.window.from} on` }]
      : [],
  (v) =>
    v.pairing.matching.pairedShare > v.pairing.matching.coverageTarget
      ? [{ path: 'pairing.matching.pairedShare', problem: 'a family could never count as paired: the threshold is above the coverage agreements aim at', got: v.pairing.matching.pairedShare, expected: `at most pairing.matching.coverageTarget (${v.pairing.matching.coverageTarget})` }]
      : [],
  (v) =>
    v.pairing.pledges.pairingShare + v.pairing.pledges.goodsShare > 1 + 1e-12
      ? [{ path: 'pairing.pledges.goodsShare', problem: 'designated and goods shares add up to more than all pledges', got: v.pairing.pledges.goodsShare, expected: `at most ${1 - v.pairing.pledges.pairingShare} (1 − pairingShare)` }]
      : [],
  (v) =>
    NEED_TYPES.every((t) => v.pairing.needs[t].weight === 0)
      ? [{ path: 'pairing.needs.medical.weight', problem: 'all need-type weights are zero', got: 0, expected: 'at least one need type with weight above 0' }]
      : [],
];
