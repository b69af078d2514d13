import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { tableToCsv, tableToText, type Table } from '../../core/table.js';
import { defaultWorkers } from '../../engine/sweep/pool.js';
import { runSweep, SweepFailedError, type SweepResult } from '../../engine/sweep/run.js';
import { loadSweepFile } from '../../engine/sweep/spec.js';
import { sweepJson, sweepTable } from '../../engine/sweep/table.js';
import { booleanFlag, intFlag, parseCommandArgs, stringFlag } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_INTERNAL, UsageError } from '../errors.js';
import { startProgress } from '../progress.js';

/** The largest --workers accepted: far beyond any machine, small enough to catch typos. */
export const MAX_WORKERS = 256;

/** Reads --workers: a whole number from 1, defaulting to the machine's cores. */
export function workersFlag(value: string | undefined): number {
  return intFlag(value, '--workers', defaultWorkers(), 1, MAX_WORKERS);
}

/** The terminal view: parameters, then each metric's mean and 2.5–97.5% spread. */
function sweepText(result: SweepResult): string {
  const full = sweepTable(result);
  const shown: Table = { point: full.point! };
  for (const p of result.plan.paths) shown[p] = full[p]!;
  for (const id of result.plan.metrics) for (const s of ['mean', 'p025', 'p975']) shown[`${id}.${s}`] = full[`${id}.${s}`]!;
  return tableToText(shown);
}

export const sweepCommand: Command = {
  name: 'sweep',
  summary: 'Run a sweep file (parameters × replications) on worker threads; one tidy row per design point',
  usage: 'sweep <file> [--workers N] [--json] [--out DIR] [--resume]',
  async run(argv) {
    const args = parseCommandArgs(argv, { workers: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, resume: { type: 'boolean' } });
    const [file, ...extra] = args.positionals;
    if (!file || extra.length) throw new UsageError('sweep: name one sweep file (sweep <file>)');
    const workers = workersFlag(stringFlag(args, 'workers'));
    const out = stringFlag(args, 'out');
    const resume = booleanFlag(args, 'resume');
    if (resume && !out) throw new UsageError('--resume needs --out DIR: the folder whose finished points to reuse');
    const plan = loadSweepFile(file);
    const progress = await startProgress(plan.points.length, 'design points');
    let result: SweepResult;
    let failed: SweepFailedError | undefined;
    try {
      result = await runSweep(plan, { workers, ...(out ? { checkpointDir: out, resume } : {}), onProgress: (done) => progress.update(done) });
    } catch (e) {
      if (!(e instanceof SweepFailedError)) throw e;
      failed = e;
      result = e.result;
    } finally {
      progress.stop();
    }
    if (out) writeFileAtomic(join(out, 'sweep.csv'), tableToCsv(sweepTable(result)));
    if (booleanFlag(args, 'json')) process.stdout.write(JSON.stringify(sweepJson(result)) + '\n');
    else {
      const resumed = result.resumed ? `, ${result.resumed} reused from ${out}` : '';
      process.stdout.write(`${plan.name}: ${plan.points.length} design points (${plan.design.type}) × ${plan.replications} replications, seed ${plan.seed}, ${workers} worker(s)${resumed}\n\n`);
      if (result.points.length) process.stdout.write(`${sweepText(result)}\n`);
      if (out) process.stdout.write(`\nwrote ${join(out, 'sweep.csv')}\n`);
    }
    if (failed) {
      process.stderr.write(`${failed.message}\n${out ? `finished points are in ${out}/points; run again with --resume to retry only the failed ones\n` : ''}`);
      return EXIT_INTERNAL;
    }
    return 0;
  },
};
