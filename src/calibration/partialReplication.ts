import type { ProgrammeId } from '../core/accounts.js';
import { startReplication } from '../engine/replicationState.js';
import { allMetrics, runReplication } from '../engine/simulate.js';
import type { Population } from '../population/columns.js';
import { generatePopulation } from '../population/generate.js';
import { PROGRAMME_MODULES } from '../programmes/index.js';
import type { Scenario } from '../scenario/load.js';

/** Metrics the engine computes from the population alone (no programme needs to run). */
const POPULATION_METRICS = new Set(['population.households', 'population.persons']);

/**
 * The programmes that must run for these metrics, or 'all' when one of them spans programmes
 * (the ledger's costs, the reach). Unknown metric ids are an error.
 */
export function programmesFor(metricIds: readonly string[]): ReadonlySet<ProgrammeId> | 'all' {
  const owner = new Map(allMetrics().map((m) => [m.id, m.programme]));
  const needed = new Set<ProgrammeId>();
  for (const id of metricIds) {
    const p = owner.get(id);
    if (p === undefined) throw new Error(`unknown metric "${id}"`);
    if (p === 'engine') {
      if (!POPULATION_METRICS.has(id)) return 'all';
    } else needed.add(p);
  }
  return needed;
}

/**
 * One replication that runs only the programmes listed, on exactly the streams the full
 * replication gives them. A programme draws only from its own streams and never reads another
 * programme's results, so its metrics are identical to a full runReplication's (a test checks
 * this); calibration uses it to skip programmes a fit does not look at.
 */
export function runPartialReplication(scenario: Scenario, seed: number, replication: number, programmes: ReadonlySet<ProgrammeId> | 'all', population?: Population): Record<string, number> {
  if (programmes === 'all') return runReplication(scenario, seed, replication, population ? { population } : {}).metrics;
  return runProgrammes(scenario, seed, replication, programmes, population).metrics;
}

/** A household's step-by-step lines, by programme. */
export type TraceByProgramme = Partial<Record<ProgrammeId, string[]>>;

/**
 * Runs the listed programmes for one replication, tracing household index `traceHousehold`
 * (if given) separately for each programme, so that every line is known to come from its programme.
 */
export function runProgrammes(
  scenario: Scenario,
  seed: number,
  replication: number,
  programmes: ReadonlySet<ProgrammeId>,
  population?: Population,
  traceHousehold?: number,
): { metrics: Record<string, number>; trace: TraceByProgramme; population: Population } {
  const values = scenario.values;
  const pop = population ?? generatePopulation(values, seed, replication);
  const state = startReplication(values, pop, seed, replication);
  const metrics: Record<string, number> = { 'population.households': pop.households.count, 'population.persons': pop.persons.count };
  const trace: TraceByProgramme = {};
  for (const programme of PROGRAMME_MODULES) {
    if (!programmes.has(programme.id)) continue;
    const lines: string[] = [];
    const tracing = traceHousehold !== undefined ? { traceHousehold, trace: lines } : undefined;
    Object.assign(metrics, programme.run(state.context(programme.id, tracing)));
    if (traceHousehold !== undefined) trace[programme.id] = lines;
  }
  const balance = state.ledger.balance();
  if (!balance.ok) throw new Error(`ledger does not balance in replication ${replication}: ${balance.problems.join('; ')}`);
  return { metrics, trace, population: pop };
}
