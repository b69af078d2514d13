import { PROGRAMMES, type ProgrammeId } from '../core/accounts.js';
import { fenToYuan } from '../core/money.js';
import type { Table } from '../core/table.js';
import { runReplication, summariseMetrics, type SimulationResult } from '../engine/simulate.js';
import { CATEGORIES } from '../population/parameters.js';
import type { Scenario } from '../scenario/load.js';

/** Everything a report draws, gathered in one pass over the replications. */
export interface ReportData {
  readonly scenario: Scenario;
  readonly result: SimulationResult;
  /**
   * The ledger per replication, averaged: one row per payer, payee, programme and flow with
   * the mean `yuan` across replications (months summed).
   */
  readonly ledger: Table;
  /**
   * Per-household relief in the first replication: `category`, `enrolled` (bit mask of
   * programmes), `total` and one column per programme (`supermarket`, …), in yuan.
   */
  readonly households: Table;
  /** Mean total relief per programme (yuan), from the outcome columns. */
  readonly benefitYuan: Record<ProgrammeId, number>;
}

export interface CollectOptions {
  seed?: number;
  replications?: number;
  onReplication?: (done: number, total: number) => void;
}

/**
 * Runs the scenario's replications once and keeps what the report needs: the metric
 * summaries, the averaged ledger and one replication's households. Only aggregates are
 * kept between replications, so memory does not grow with the replication count.
 */
export function collectReportData(scenario: Scenario, options: CollectOptions = {}): ReportData {
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const perReplication: Record<string, number[]> = {};
  const ledgerFen = new Map<string, number>();
  const benefitFen = Object.fromEntries(PROGRAMMES.map((p) => [p, 0])) as Record<ProgrammeId, number>;
  let households: Table = { category: [], enrolled: [], total: [], ...Object.fromEntries(PROGRAMMES.map((p) => [p, []])) };
  for (let r = 0; r < replications; r++) {
    const rep = runReplication(scenario, seed, r);
    for (const [id, v] of Object.entries(rep.metrics)) (perReplication[id] ??= []).push(v);
    for (const row of rep.ledger.aggregate(['payer', 'payee', 'programme', 'flow'])) {
      const key = `${row.payer}|${row.payee}|${row.programme}|${row.flow}`;
      ledgerFen.set(key, (ledgerFen.get(key) ?? 0) + (row.amountFen as number));
    }
    for (const p of PROGRAMMES) {
      const col = rep.outcomes.benefitFen[p];
      let s = 0;
      for (let h = 0; h < col.length; h++) s += col[h]!;
      benefitFen[p] += s;
    }
    if (r === 0) households = householdTable(rep);
    options.onReplication?.(r + 1, replications);
  }
  const divide = replications > 0 ? replications : 1;
  const ledger: Table = { payer: [], payee: [], programme: [], flow: [], yuan: [] };
  for (const [key, fen] of [...ledgerFen].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const [payer, payee, programme, flow] = key.split('|') as [string, string, string, string];
    ledger.payer!.push(payer);
    ledger.payee!.push(payee);
    ledger.programme!.push(programme);
    ledger.flow!.push(flow);
    ledger.yuan!.push(fenToYuan(fen) / divide);
  }
  return {
    scenario,
    result: { scenario: scenario.name, seed, replications, metrics: summariseMetrics(perReplication), perReplication },
    ledger,
    households,
    benefitYuan: Object.fromEntries(PROGRAMMES.map((p) => [p, fenToYuan(benefitFen[p]) / divide])) as Record<ProgrammeId, number>,
  };
}

function householdTable(rep: ReturnType<typeof runReplication>): Table {
  const n = rep.outcomes.count;
  const category: string[] = new Array(n);
  const enrolled: number[] = new Array(n);
  const total: number[] = new Array(n);
  const perProgramme = PROGRAMMES.map(() => new Array<number>(n));
  for (let h = 0; h < n; h++) {
    category[h] = CATEGORIES[rep.population.households.category[h]!] ?? String(rep.population.households.category[h]);
    enrolled[h] = rep.outcomes.enrolment[h]!;
    let sum = 0;
    PROGRAMMES.forEach((p, k) => {
      const y = fenToYuan(Math.round(rep.outcomes.benefitFen[p][h]!));
      perProgramme[k]![h] = y;
      sum += y;
    });
    total[h] = sum;
  }
  return { category, enrolled, total, ...Object.fromEntries(PROGRAMMES.map((p, k) => [p, perProgramme[k]!])) };
}
