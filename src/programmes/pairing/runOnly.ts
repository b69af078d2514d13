import type { Calendar } from '../../core/calendar.js';
import type { Ledger } from '../../core/ledger.js';
import { fenToYuan } from '../../core/money.js';
import type { HouseholdOutcomes } from '../../engine/outcomes.js';
import { startReplication } from '../../engine/replicationState.js';
import { summarise, type MetricSummary } from '../../metrics/summary.js';
import { generatePopulation } from '../../population/generate.js';
import type { Scenario } from '../../scenario/load.js';
import { computePairingMetrics, pairingMetrics } from './metrics.js';
import { simulatePairing, type PairingRun } from './simulatePairing.js';

/** One replication of the pairing programme alone, with everything it produced. */
export interface PairingReplication {
  readonly run: PairingRun;
  readonly ledger: Ledger;
  readonly calendar: Calendar;
  readonly outcomes: HouseholdOutcomes;
  readonly metrics: Record<string, number>;
  readonly trace: string[];
}

/**
 * Runs only the pairing programme for one replication, on the same population and streams a
 * full `runReplication` gives it: a programme never reads another's results, so its metrics
 * are identical (a test checks this). Sweeps and calibration use it to skip the other programmes.
 */
export function runPairingReplication(scenario: Scenario, seed: number, replication: number, traceHousehold?: number): PairingReplication {
  const values = scenario.values;
  const population = generatePopulation(values, seed, replication);
  const state = startReplication(values, population, seed, replication);
  const { calendar, ledger, outcomes } = state;
  const trace: string[] = [];
  const run = simulatePairing(state.context('pairing', traceHousehold !== undefined ? { traceHousehold, trace } : undefined));
  return { run, ledger, calendar, outcomes, metrics: computePairingMetrics(run), trace };
}

/** Month-by-month means over replications (yuan, or families and deliveries). */
export interface PairingMonthly {
  month: string[];
  raisedYuan: number[];
  disbursedYuan: number[];
  heldYuan: number[];
  unmetNeedYuan: number[];
  unmetUrgentNeedYuan: number[];
  pairedFamilies: number[];
  waitingFamilies: number[];
  lateDue: number[];
  found: number[];
}

export interface PairingOnlyResult {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly metrics: Record<string, MetricSummary & { unit: string }>;
  readonly perReplication: Record<string, number[]>;
  /** From the platform's first month to the calendar's end. */
  readonly monthly: PairingMonthly;
}

/** Replications of the pairing programme alone: metric summaries and mean monthly series. */
export function simulatePairingOnly(scenario: Scenario, options: { seed?: number; replications?: number } = {}): PairingOnlyResult {
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const perReplication: Record<string, number[]> = {};
  let monthly: PairingMonthly | undefined;
  for (let r = 0; r < replications; r++) {
    const rep = runPairingReplication(scenario, seed, r);
    for (const [id, v] of Object.entries(rep.metrics)) (perReplication[id] ??= []).push(v);
    monthly = addMonthly(monthly, rep.run, rep.calendar, 1 / replications);
  }
  const units = new Map(pairingMetrics.map((m) => [m.id, m.unit]));
  const metrics: Record<string, MetricSummary & { unit: string }> = {};
  for (const [id, values] of Object.entries(perReplication)) metrics[id] = { ...summarise(values), unit: units.get(id) ?? '' };
  return { scenario: scenario.name, seed, replications, metrics, perReplication, monthly: monthly ?? emptyMonthly() };
}

function emptyMonthly(): PairingMonthly {
  return { month: [], raisedYuan: [], disbursedYuan: [], heldYuan: [], unmetNeedYuan: [], unmetUrgentNeedYuan: [], pairedFamilies: [], waitingFamilies: [], lateDue: [], found: [] };
}

function addMonthly(acc: PairingMonthly | undefined, run: PairingRun, calendar: Calendar, weight: number): PairingMonthly {
  const out = acc ?? emptyMonthly();
  const s = run.series;
  const first = run.cfg.firstMonth;
  for (let m = first; m < run.cfg.months; m++) {
    const i = m - first;
    if (!acc) {
      out.month.push(calendar.label(m));
      for (const k of ['raisedYuan', 'disbursedYuan', 'heldYuan', 'unmetNeedYuan', 'unmetUrgentNeedYuan', 'pairedFamilies', 'waitingFamilies', 'lateDue', 'found'] as const) out[k].push(0);
    }
    out.raisedYuan[i] += weight * fenToYuan(s.raisedFen[m]!);
    out.disbursedYuan[i] += weight * fenToYuan(s.disbursedFen[m]!);
    out.heldYuan[i] += weight * fenToYuan(s.heldFen[m]!);
    out.unmetNeedYuan[i] += weight * fenToYuan(s.unmetNeedFen[m]!);
    out.unmetUrgentNeedYuan[i] += weight * fenToYuan(s.unmetUrgentNeedFen[m]!);
    out.pairedFamilies[i] += weight * s.pairedFamilies[m]!;
    out.waitingFamilies[i] += weight * s.waitingFamilies[m]!;
    out.lateDue[i] += weight * s.lateDue[m]!;
    out.found[i] += weight * s.found[m]!;
  }
  return out;
}
