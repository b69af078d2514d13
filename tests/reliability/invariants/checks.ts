import { PROGRAMMES } from '../../../src/core/accounts.js';
import { allMetrics, type ReplicationResult } from '../../../src/engine/simulate.js';
import type { Scenario } from '../../../src/scenario/load.js';

/**
 * Invariants every replication of every valid scenario must satisfy (issue 10, item 3).
 * Each is a named function returning the violations it finds (empty = holds). Checks that
 * need a programme's columns or metrics apply when those exist, so the list grows with the
 * programmes without editing the property test. "Cannot fail" is not allowed: each check
 * compares numbers the engine produced against a bound derived independently from the
 * scenario's parameters or from another column.
 */
export interface Invariant {
  readonly id: string;
  readonly description: string;
  check(scenario: Scenario, r: ReplicationResult): string[];
}

/** Metrics that may legitimately be negative: net costs (a payer can gain) and profits. */
const SIGNED = /^(cost\.|supermarket\.operatorProfitYuan$)/;
/** Units of shares and probabilities: always in [0, 1]. */
const SHARE_UNIT = /^(share|probability)\b/;

const FEN_TOLERANCE = 1e-6;

function first<T>(items: T[], limit = 5): T[] {
  return items.slice(0, limit);
}

/** Households where `bad(h)` holds, described by `say(h)` (at most 5 listed). */
function households(count: number, bad: (h: number) => boolean, say: (h: number) => string): string[] {
  const out: string[] = [];
  for (let h = 0; h < count && out.length < 5; h++) if (bad(h)) out.push(say(h));
  return out;
}

function column(r: ReplicationResult, name: string): Float64Array | undefined {
  return r.outcomes.extra[name];
}

/** Months from `from` to `to` (YYYY-MM), counting both ends' difference only. */
function monthsBetween(from: string, to: string): number {
  const [y0, m0] = from.split('-').map(Number) as [number, number];
  const [y1, m1] = to.split('-').map(Number) as [number, number];
  return (y1 - y0) * 12 + (m1 - m0);
}

function monthsOf(s: Scenario): number {
  return monthsBetween(s.values.simulation.start, s.values.simulation.end) + 1;
}

function sum(col: Float64Array): number {
  let t = 0;
  for (let h = 0; h < col.length; h++) t += col[h]!;
  return t;
}

/** Ledger total of a programme's entries whose flow matches, optionally within month indices [from, to]. */
function ledgerTotal(r: ReplicationResult, programme: string, flow: RegExp, from = -Infinity, to = Infinity): number {
  let t = 0;
  for (const e of r.ledger.list()) if (e.programme === programme && flow.test(e.flow) && e.month >= from && e.month <= to) t += e.amountFen;
  return t;
}

export const INVARIANTS: readonly Invariant[] = [
  {
    id: 'ledger.balances',
    description: 'the ledger balances to the fen: every account nets, and the nets sum to exactly 0',
    check: (_s, r) => {
      const b = r.ledger.balance();
      return b.ok && b.totalNetFen === 0 ? [] : [`balance: ${b.problems.join('; ')} (total ${b.totalNetFen})`];
    },
  },
  {
    id: 'ledger.amounts',
    description: 'every ledger entry is a non-negative safe integer of fen with two different accounts',
    check: (_s, r) =>
      first(
        r.ledger
          .list()
          .filter((e) => !Number.isSafeInteger(e.amountFen) || e.amountFen < 0 || e.payer === e.payee)
          .map((e) => `${e.programme} ${e.flow} ${e.payer}→${e.payee} month ${e.month}: ${e.amountFen}`),
      ),
  },
  {
    id: 'metrics.finite',
    description: 'every metric is a finite number',
    check: (_s, r) => first(Object.entries(r.metrics).filter(([, v]) => !Number.isFinite(v)).map(([id, v]) => `${id} = ${v}`)),
  },
  {
    id: 'metrics.nonNegative',
    description: 'no metric is negative except net costs and profits',
    check: (_s, r) => first(Object.entries(r.metrics).filter(([id, v]) => !SIGNED.test(id) && v < 0).map(([id, v]) => `${id} = ${v}`)),
  },
  {
    id: 'metrics.shares',
    description: 'metrics measured as shares or probabilities lie in [0, 1]',
    check: (_s, r) => {
      const units = new Map(allMetrics().map((m) => [m.id, m.unit]));
      return first(Object.entries(r.metrics).filter(([id, v]) => SHARE_UNIT.test(units.get(id) ?? '') && (v < 0 || v > 1 + 1e-12)).map(([id, v]) => `${id} = ${v}`));
    },
  },
  {
    id: 'outcomes.benefit',
    description: 'every household benefit is finite, non-negative money',
    check: (_s, r) =>
      PROGRAMMES.flatMap((p) => {
        const col = r.outcomes.benefitFen[p];
        return households(col.length, (h) => !Number.isFinite(col[h]!) || col[h]! < 0, (h) => `${p} benefit of household ${h} = ${col[h]}`);
      }),
  },
  {
    id: 'outcomes.columns',
    description: 'every programme column is finite, and every money column (…Fen) non-negative',
    check: (_s, r) =>
      Object.entries(r.outcomes.extra).flatMap(([name, col]) => households(col.length, (h) => !Number.isFinite(col[h]!) || (name.endsWith('Fen') && col[h]! < 0), (h) => `${name}[${h}] = ${col[h]}`)),
  },
  {
    id: 'outcomes.enrolment',
    description: 'enrolment bits name only existing programmes, and reach counts add up',
    check: (_s, r) => {
      const all = (1 << PROGRAMMES.length) - 1;
      const bad = households(r.outcomes.count, (h) => (r.outcomes.enrolment[h]! & ~all) !== 0, (h) => `household ${h} has enrolment bits ${r.outcomes.enrolment[h]}`);
      const none = r.metrics['reach.none'] ?? 0;
      const several = r.metrics['reach.several'] ?? 0;
      if (none + several > r.outcomes.count) bad.push(`reach.none ${none} + reach.several ${several} > ${r.outcomes.count} households`);
      return bad;
    },
  },
  {
    id: 'supermarket.caps',
    description: 'no card holder gets more discount than the monthly caps allow over their card months',
    check: (s, r) => {
      const months = column(r, 'supermarket.cardMonths');
      const discount = column(r, 'supermarket.discountFen');
      if (!months || !discount) return [];
      const sm = s.values.supermarket;
      const worth = (cap: number, pf: number) => (sm.capBasis === 'paid' ? (cap * 100) / pf : cap * 100) * (1 - pf);
      const perMonth = worth(sm.vegetables.cap, sm.vegetables.priceFactor) + worth(sm.staples.cap, sm.staples.priceFactor);
      return households(months.length, (h) => discount[h]! > months[h]! * perMonth + FEN_TOLERANCE, (h) => `household ${h}: discount ${discount[h]} fen over ${months[h]} card months, cap worth ${perMonth} fen a month`);
    },
  },
  {
    id: 'supermarket.capMonths',
    description: 'a cap binds in at most every card month',
    check: (_s, r) => {
      const months = column(r, 'supermarket.cardMonths');
      if (!months) return [];
      return ['vegetablesCapMonths', 'staplesCapMonths'].flatMap((c) => {
        const col = column(r, `supermarket.${c}`);
        return col ? households(col.length, (h) => col[h]! > months[h]!, (h) => `household ${h}: ${c} ${col[h]} > card months ${months[h]}`) : [];
      });
    },
  },
  {
    id: 'supermarket.noMoreThanMarket',
    description: 'card holders never pay more than the market value of what they buy: subsidy + own money + discount = market value',
    check: (_s, r) => {
      const market = column(r, 'supermarket.storePurchasesFen');
      const discount = column(r, 'supermarket.discountFen');
      const subsidy = column(r, 'supermarket.subsidyFen');
      const own = column(r, 'supermarket.ownSpendingFen');
      if (!market || !discount || !subsidy || !own) return [];
      return households(
        market.length,
        (h) => subsidy[h]! + own[h]! > market[h]! + FEN_TOLERANCE || Math.abs(subsidy[h]! + own[h]! + discount[h]! - market[h]!) > 0.5,
        (h) => `household ${h}: paid ${subsidy[h]! + own[h]!} (subsidy ${subsidy[h]} + own ${own[h]}) + discount ${discount[h]} vs market value ${market[h]}`,
      );
    },
  },
  {
    id: 'supermarket.ledgerMatchesHouseholds',
    description: "the ledger's discounts and subsidies in the reporting window equal the households' columns, and each benefit is discount + subsidy",
    check: (s, r) => {
      const discount = column(r, 'supermarket.discountFen');
      const subsidy = column(r, 'supermarket.subsidyFen');
      if (!discount || !subsidy) return [];
      const sim = s.values.simulation.start;
      const from = monthsBetween(sim, s.values.supermarket.reporting.from);
      const to = monthsBetween(sim, s.values.supermarket.reporting.to);
      const out: string[] = [];
      const ledgerDiscount = ledgerTotal(r, 'supermarket', /^discount$/, from, to);
      const ledgerSubsidy = ledgerTotal(r, 'supermarket', /^subsidy$/, from, to);
      if (ledgerDiscount !== sum(discount)) out.push(`ledger discounts ${ledgerDiscount} fen ≠ households' ${sum(discount)}`);
      if (ledgerSubsidy !== sum(subsidy)) out.push(`ledger subsidies ${ledgerSubsidy} fen ≠ households' ${sum(subsidy)}`);
      const benefit = r.outcomes.benefitFen.supermarket;
      out.push(...households(benefit.length, (h) => benefit[h] !== discount[h]! + subsidy[h]!, (h) => `household ${h}: benefit ${benefit[h]} ≠ discount ${discount[h]} + subsidy ${subsidy[h]}`));
      return out;
    },
  },
  {
    id: 'insurance.ledgerMatchesHouseholds',
    description: "the ledger's hospital costs, commercial claims and payments to households equal the households' columns",
    check: (_s, r) => {
      const cost = column(r, 'insurance.medicalCostFen');
      const claims = column(r, 'insurance.commercialClaimsFen');
      if (!cost || !claims) return [];
      const out: string[] = [];
      const pairs: Array<[string, number, number]> = [
        ['hospital costs', ledgerTotal(r, 'insurance', /^hospitalCost$/), sum(cost)],
        ['commercial claims', ledgerTotal(r, 'insurance', /^claim:/), sum(claims)],
        ['payments to households', r.ledger.total({ programme: 'insurance', payee: 'households' }), sum(r.outcomes.benefitFen.insurance)],
      ];
      for (const [what, ledger, columns] of pairs) if (ledger !== columns) out.push(`ledger ${what} ${ledger} fen ≠ households' ${columns}`);
      return out;
    },
  },
  {
    id: 'insurance.noMoreThanHospital',
    description: 'no insured household pays more out of pocket than its medical costs, and the package never leaves it worse off',
    check: (_s, r) => {
      const cost = column(r, 'insurance.medicalCostFen');
      const before = column(r, 'insurance.oopBeforeFen');
      const after = column(r, 'insurance.oopAfterFen');
      if (!cost || !before || !after) return [];
      return households(
        cost.length,
        (h) => after[h]! > before[h]! + FEN_TOLERANCE || before[h]! > cost[h]! + FEN_TOLERANCE,
        (h) => `household ${h}: out of pocket after ${after[h]}, before ${before[h]}, medical costs ${cost[h]}`,
      );
    },
  },
  {
    id: 'insurance.limits',
    description: "no household's commercial claims exceed what the covers' limits allow for its members over the policy years",
    check: (s, r) => {
      const claims = column(r, 'insurance.commercialClaimsFen');
      if (!claims) return [];
      const i = s.values.insurance;
      const years = Math.ceil(monthsOf(s) / 12) + 1;
      const perPersonYear = i.topUp.annualLimitYuan + i.allowance.annualLimitYuan + i.accidentMedical.annualLimitYuan;
      const perPerson = perPersonYear * years + i.accidentDeath.sumInsuredYuan + i.disability.sumInsuredYuan;
      const size = r.population.households.size;
      return households(claims.length, (h) => claims[h]! > size[h]! * perPerson * 100 + FEN_TOLERANCE, (h) => `household ${h}: claims ${claims[h]} fen > ${size[h]} persons × ${perPerson} yuan`);
    },
  },
];
