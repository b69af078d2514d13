import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { tableToCsv, tableToText, type Table } from '../../core/table.js';
import { allMetrics, simulate, type SimulationResult } from '../../engine/simulate.js';
import { booleanFlag, intFlag, listFlag, parseCommandArgs, stringFlag } from '../args.js';
import { startProgress } from '../progress.js';
import { loadScenarioArg } from '../scenarioArg.js';
import { UsageError } from '../errors.js';

/** One row per metric: id, label, unit, mean, sd, interval. */
export function summaryTable(result: SimulationResult, lang: 'en' | 'zh' = 'en'): Table {
  const specs = new Map(allMetrics().map((m) => [m.id, m]));
  const ids = Object.keys(result.metrics);
  return {
    metric: ids,
    label: ids.map((id) => specs.get(id)?.[lang] ?? id),
    unit: ids.map((id) => result.metrics[id]!.unit),
    mean: ids.map((id) => result.metrics[id]!.mean),
    sd: ids.map((id) => result.metrics[id]!.sd),
    p025: ids.map((id) => result.metrics[id]!.p025),
    p975: ids.map((id) => result.metrics[id]!.p975),
  };
}

/** The `run --json` document. */
export function summaryJson(result: SimulationResult): object {
  const metrics: Record<string, object> = {};
  for (const [id, m] of Object.entries(result.metrics)) metrics[id] = { mean: m.mean, sd: m.sd, p025: m.p025, p975: m.p975, unit: m.unit };
  return { scenario: result.scenario, seed: result.seed, replications: result.replications, metrics };
}

/** `wuhou-sim run` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const args = parseCommandArgs(argv, {
    seed: { type: 'string' },
    reps: { type: 'string' },
    set: { type: 'string', multiple: true },
    json: { type: 'boolean' },
    out: { type: 'string' },
    households: { type: 'string' },
    persons: { type: 'string' },
    encoding: { type: 'string' },
  });
  const scenario = loadScenarioArg(args.positionals[0], listFlag(args, 'set'));
  const seed = intFlag(stringFlag(args, 'seed'), '--seed', scenario.values.simulation.seed, -Number.MAX_SAFE_INTEGER);
  const replications = intFlag(stringFlag(args, 'reps'), '--reps', scenario.values.simulation.replications, 1, 100_000);
  const out = stringFlag(args, 'out');
  const householdsCsv = stringFlag(args, 'households');
  const personsCsv = stringFlag(args, 'persons');
  if (Boolean(householdsCsv) !== Boolean(personsCsv)) throw new UsageError('--households and --persons go together: a roster is two CSV files');
  const encoding = stringFlag(args, 'encoding');
  if (encoding !== undefined && !householdsCsv) throw new UsageError('--encoding applies to a roster: give it with --households and --persons');
  // The roster reader (CSV, encodings) loads only when a roster is given.
  const population = householdsCsv && personsCsv ? (await import('../../population/roster.js')).loadRoster(householdsCsv, personsCsv, encoding === undefined ? {} : { encoding }) : undefined;
  const progress = await startProgress(replications, 'replications');
  const result = simulate(scenario, { seed, replications, ...(population ? { population } : {}), onReplication: (done) => progress.update(done) });
  progress.stop();
  const table = summaryTable(result);
  if (out) writeFileAtomic(join(out, 'summary.csv'), tableToCsv(table));
  if (booleanFlag(args, 'json')) process.stdout.write(JSON.stringify(summaryJson(result)) + '\n');
  else {
    process.stdout.write(`${scenario.name}: seed ${seed}, ${replications} replications (mean and 95% interval across replications)\n\n`);
    const { sd: _sd, ...shown } = table;
    process.stdout.write(tableToText(shown) + '\n');
    if (out) process.stdout.write(`\nwrote ${join(out, 'summary.csv')}\n`);
  }
  return 0;
}
