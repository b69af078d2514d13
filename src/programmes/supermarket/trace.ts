import { fenToYuan } from '../../core/money.js';
import { CATEGORIES } from '../../population/parameters.js';
import type { Population } from '../../population/columns.js';
import type { HouseholdTraits } from './traits.js';
import { DISCOUNT, OTHER_GOODS, OWN_SPENDING, PAID, STAPLES_CAP_BINDS, STAPLES_DISCOUNT, SUBSIDY_USED, VEGETABLES_CAP_BINDS, VEGETABLES_DISCOUNT } from './settle.js';

const y = (fen: number): string => fenToYuan(Math.round(fen)).toFixed(2);

/** The traced household's fixed traits, written once before the months. */
export function traceHeader(h: number, pop: Population, t: HouseholdTraits, eligible: boolean, opensLabel: string | undefined): string {
  const hh = pop.households;
  const who = `supermarket: household ${hh.id[h]} (${CATEGORIES[hh.category[h]!]}, subdistrict ${hh.subdistrict[h]! + 1}, ${hh.size[h]} ${hh.size[h] === 1 ? 'person' : 'persons'}, income ${y(hh.incomeFen[h]!)} yuan/month)`;
  if (!eligible) return `${who}: not eligible for a card (category not eligible, or no store in its subdistrict)`;
  return (
    `${who}: store opens ${opensLabel}; ${t.willing[h] ? 'would take a card' : 'would not take a card'}; ` +
    `visits ${t.visitRate[h]!.toFixed(2)}/month on average; per visit buys vegetables ${y(t.vegetablesPerVisitFen[h]!)} and staples ${y(t.staplesPerVisitFen[h]!)} yuan at market value; ` +
    `spends ${y(t.categorySpendFen[h]!)} yuan/month on these foods and ${y(t.foodSpendFen[h]!)} on all food`
  );
}

/** One traced card-holder month at the till. */
export function traceMonth(label: string, creditFen: number, balanceBeforeFen: number, visits: number, vegFen: number, stapFen: number, s: Float64Array, balanceAfterFen: number, forfeitFen: number): string {
  if (visits === 0) {
    return `supermarket ${label}: card credited ${y(creditFen)}, balance ${y(balanceBeforeFen)}; no visit; balance carried ${y(balanceAfterFen)}${forfeitFen > 0 ? `, forfeited ${y(forfeitFen)}` : ''}`;
  }
  const cap = (b: number) => (b ? 'cap binds' : 'within cap');
  return (
    `supermarket ${label}: card credited ${y(creditFen)}, balance ${y(balanceBeforeFen)}; ${visits} visit(s); ` +
    `vegetables market ${y(vegFen)} discount ${y(s[VEGETABLES_DISCOUNT]!)} (${cap(s[VEGETABLES_CAP_BINDS]!)}); ` +
    `staples market ${y(stapFen)} discount ${y(s[STAPLES_DISCOUNT]!)} (${cap(s[STAPLES_CAP_BINDS]!)}); ` +
    (s[OTHER_GOODS]! > 0 ? `other goods ${y(s[OTHER_GOODS]!)} to use up the card; ` : '') +
    `pays ${y(s[PAID]!)}: card ${y(s[SUBSIDY_USED]!)} + own ${y(s[OWN_SPENDING]!)}; benefit ${y(s[DISCOUNT]! + s[SUBSIDY_USED]!)}; ` +
    `balance left ${y(balanceAfterFen)}${forfeitFen > 0 ? `, forfeited ${y(forfeitFen)}` : ''}`
  );
}
