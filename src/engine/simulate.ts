import { fenToYuan } from '../core/money.js';
import type { Ledger } from '../core/ledger.js';
import { engineMetrics, PAYERS } from '../metrics/engineMetrics.js';
import { payerCostFromBalance } from '../metrics/payerCost.js';
import type { MetricSpec } from '../metrics/metric.js';
import { summarise, type MetricSummary } from '../metrics/summary.js';
import type { Population } from '../population/columns.js';
import { generatePopulation } from '../population/generate.js';
import { checkMemory, estimateReplication, expectedPopulationSize } from '../population/memoryGuard.js';
import { PROGRAMME_MODULES } from '../programmes/index.js';
import type { Scenario } from '../scenario/load.js';
import type { HouseholdOutcomes } from './outcomes.js';
import { startReplication } from './replicationState.js';

/** All metric specs: the engine's and every programme's, in a stable order. */
export function allMetrics(): MetricSpec[] {
  return [...engineMetrics, ...PROGRAMME_MODULES.flatMap((m) => m.metrics)];
}

export interface ReplicationResult {
  readonly replication: number;
  readonly metrics: Record<string, number>;
  readonly ledger: Ledger;
  readonly population: Population;
  readonly outcomes: HouseholdOutcomes;
  readonly trace: string[];
}

export interface ReplicationOptions {
  /** A fixed population (e.g. a loaded roster) instead of a synthetic one per replication. */
  population?: Population;
  /** Household index to trace step by step. */
  traceHousehold?: number;
  /**
   * When given, the process's CPU seconds spent in each part of the replication are added
   * here: `population`, each programme's id, and `engine` (memory check, columns, ledger
   * balance, reach and metric checks). For benchmarks and profiling; costs nothing when absent.
   */
  partCpuSeconds?: Record<string, number>;
}

/** CPU seconds (user + system) this process has used, all its threads included. */
function processCpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * One replication: draw the population, run each programme on its own streams, then
 * compute the cross-programme metrics. Throws if the ledger does not balance to the fen.
 */
export function runReplication(scenario: Scenario, seed: number, replication: number, options: ReplicationOptions = {}): ReplicationResult {
  const values = scenario.values;
  const parts = options.partCpuSeconds;
  let mark = parts ? processCpuSeconds() : 0;
  const lap = (part: string): void => {
    if (!parts) return;
    const now = processCpuSeconds();
    parts[part] = (parts[part] ?? 0) + (now - mark);
    mark = now;
  };
  // Stop with the estimate and the limit before allocating anything, rather than half-way.
  const size = options.population ? { households: options.population.households.count, persons: options.population.persons.count } : expectedPopulationSize(values.population);
  checkMemory('a replication', estimateReplication(size.households, size.persons));
  lap('engine');
  const population = options.population ?? generatePopulation(values, seed, replication);
  lap('population');
  const state = startReplication(values, population, seed, replication);
  const { ledger, outcomes } = state;
  const trace: string[] = [];
  const tracing = options.traceHousehold !== undefined ? { traceHousehold: options.traceHousehold, trace } : undefined;
  const metrics: Record<string, number> = {
    'population.households': population.households.count,
    'population.persons': population.persons.count,
  };
  lap('engine');
  for (const programme of PROGRAMME_MODULES) {
    Object.assign(metrics, programme.run(state.context(programme.id, tracing)));
    lap(programme.id);
  }
  const balance = ledger.balance();
  if (!balance.ok) throw new Error(`ledger does not balance in replication ${replication}: ${balance.problems.join('; ')}`);
  for (const a of PAYERS) metrics[`cost.${a}`] = fenToYuan(payerCostFromBalance(balance, a));
  let none = 0;
  let several = 0;
  for (let h = 0; h < outcomes.count; h++) {
    const bits = outcomes.enrolment[h]!;
    if (bits === 0) none++;
    else if ((bits & (bits - 1)) !== 0) several++;
  }
  metrics['reach.none'] = none;
  metrics['reach.several'] = several;
  for (const [id, v] of Object.entries(metrics)) {
    if (!Number.isFinite(v)) throw new Error(`metric ${id} is not a finite number (${v}) in replication ${replication}`);
  }
  lap('engine');
  return { replication, metrics, ledger, population, outcomes, trace };
}

export interface SimulateOptions extends ReplicationOptions {
  seed?: number;
  replications?: number;
  /** Called after each replication, for progress displays. */
  onReplication?: (done: number, total: number) => void;
}

export interface SimulationResult {
  readonly scenario: string;
  readonly seed: number;
  readonly replications: number;
  readonly metrics: Record<string, MetricSummary & { unit: string }>;
  /** Each metric's value in each replication, in replication order (for paired comparisons). */
  readonly perReplication: Record<string, number[]>;
}

/** Runs the scenario's replications and summarises every metric across them. */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): SimulationResult {
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const perReplication: Record<string, number[]> = {};
  for (let r = 0; r < replications; r++) {
    const result = runReplication(scenario, seed, r, options);
    for (const [id, v] of Object.entries(result.metrics)) (perReplication[id] ??= []).push(v);
    options.onReplication?.(r + 1, replications);
  }
  return { scenario: scenario.name, seed, replications, metrics: summariseMetrics(perReplication), perReplication };
}

export function summariseMetrics(perReplication: Record<string, number[]>): Record<string, MetricSummary & { unit: string }> {
  const units = new Map(allMetrics().map((m) => [m.id, m.unit]));
  const out: Record<string, MetricSummary & { unit: string }> = {};
  for (const m of allMetrics()) {
    const values = perReplication[m.id];
    if (values) out[m.id] = { ...summarise(values), unit: units.get(m.id) ?? '' };
  }
  for (const [id, values] of Object.entries(perReplication)) if (!out[id]) out[id] = { ...summarise(values), unit: units.get(id) ?? '' };
  return out;
}
