import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { tableToCsv, tableToText, type Table } from '../../core/table.js';
import { defaultWorkers } from '../../engine/sweep/pool.js';
import { runSweep, SweepFailedError, type SweepResult } from '../../engine/sweep/run.js';
import { mergeShardFolders, SweepMergeError, writeMerged } from '../../engine/sweep/merge.js';
import { parseShard, shardPoints, type Shard } from '../../engine/sweep/shard.js';
import { loadSweepFile } from '../../engine/sweep/spec.js';
import { sweepJson, sweepTable, type SweepRows } from '../../engine/sweep/table.js';
import { booleanFlag, intFlag, parseCommandArgs, stringFlag } from '../args.js';
import { EXIT_INTERNAL, UsageError } from '../errors.js';
import { startProgress } from '../progress.js';

/** The largest --workers accepted: far beyond any machine, small enough to catch typos. */
export const MAX_WORKERS = 256;

/** Reads --workers: a whole number from 1, defaulting to the machine's cores. */
export function workersFlag(value: string | undefined): number {
  return intFlag(value, '--workers', defaultWorkers(), 1, MAX_WORKERS);
}

/** The terminal view: parameters, then each metric's mean and 2.5–97.5% spread. */
function sweepText(result: SweepRows): string {
  const full = sweepTable(result);
  const shown: Table = { point: full.point! };
  for (const p of result.plan.paths) shown[p] = full[p]!;
  for (const id of result.plan.metrics) for (const s of ['mean', 'p025', 'p975']) shown[`${id}.${s}`] = full[`${id}.${s}`]!;
  return tableToText(shown);
}

/** Reads --shard K/N. */
function shardFlag(value: string | undefined): Shard | undefined {
  if (value === undefined) return undefined;
  const shard = parseShard(value);
  if (typeof shard === 'string') throw new UsageError(`--shard: ${shard}`);
  return shard;
}

/** `sweep merge <dir>…`: the shards' folders combined into the whole sweep. */
function merge(argv: string[]): number {
  const args = parseCommandArgs(argv, { json: { type: 'boolean' }, out: { type: 'string' } });
  const dirs = args.positionals;
  if (!dirs.length) throw new UsageError('sweep merge: name the shard folders to combine (sweep merge <dir>… [--out DIR])');
  let merged;
  try {
    merged = mergeShardFolders(dirs);
  } catch (e) {
    if (e instanceof SweepMergeError) throw new UsageError(e.message);
    throw e;
  }
  const out = stringFlag(args, 'out');
  if (out) {
    writeMerged(out, merged);
    writeFileAtomic(join(out, 'sweep.csv'), tableToCsv(sweepTable(merged)));
  }
  if (booleanFlag(args, 'json')) process.stdout.write(JSON.stringify(sweepJson(merged)) + '\n');
  else {
    process.stdout.write(`${merged.plan.name}: ${merged.points.length} design points merged from ${dirs.length} folder(s), ${merged.plan.replications} replications, seed ${merged.plan.seed}\n\n`);
    process.stdout.write(`${sweepText(merged)}\n`);
    if (out) process.stdout.write(`\nwrote ${join(out, 'sweep.csv')}\n`);
  }
  return 0;
}

/** `wuhou-sim sweep` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  if (argv[0] === 'merge') return merge(argv.slice(1));
  const args = parseCommandArgs(argv, { workers: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' }, resume: { type: 'boolean' }, shard: { type: 'string' } });
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) throw new UsageError('sweep: name one sweep file (sweep <file>), or merge shard folders (sweep merge <dir>…)');
  const workers = workersFlag(stringFlag(args, 'workers'));
  const out = stringFlag(args, 'out');
  const resume = booleanFlag(args, 'resume');
  const shard = shardFlag(stringFlag(args, 'shard'));
  if (resume && !out) throw new UsageError('--resume needs --out DIR: the folder whose finished points to reuse');
  if (shard && !out) throw new UsageError('--shard needs --out DIR: the folder `sweep merge` combines with the other shards');
  const plan = loadSweepFile(file);
  const only = shard ? shardPoints(plan.points.length, shard) : undefined;
  const progress = await startProgress(only ? only.length : plan.points.length, 'design points');
  let result: SweepResult;
  let failed: SweepFailedError | undefined;
  try {
    result = await runSweep(plan, { workers, ...(out ? { checkpointDir: out, resume } : {}), ...(only ? { only, shared: true } : {}), onProgress: (done) => progress.update(done) });
  } catch (e) {
    if (!(e instanceof SweepFailedError)) throw e;
    failed = e;
    result = e.result;
  } finally {
    progress.stop();
  }
  // A shard's folder may be shared with the other shards: the whole table is written by `sweep merge`.
  if (out && !shard) writeFileAtomic(join(out, 'sweep.csv'), tableToCsv(sweepTable(result)));
  if (booleanFlag(args, 'json')) process.stdout.write(JSON.stringify(sweepJson(result)) + '\n');
  else {
    const resumed = result.resumed ? `, ${result.resumed} reused from ${out}` : '';
    const part = shard ? `shard ${shard.k}/${shard.n}: ${only!.length} of ` : '';
    process.stdout.write(`${plan.name}: ${part}${plan.points.length} design points (${plan.design.type}) × ${plan.replications} replications, seed ${plan.seed}, ${workers} worker(s)${resumed}\n\n`);
    if (result.points.length) process.stdout.write(`${sweepText(result)}\n`);
    if (out && !shard) process.stdout.write(`\nwrote ${join(out, 'sweep.csv')}\n`);
    if (shard) process.stdout.write(`\nrecorded in ${out}; when every shard has run: wuhou-sim sweep merge <their folders> --out DIR\n`);
  }
  if (failed) {
    process.stderr.write(`${failed.message}\n${out ? `finished points are in ${out}/points; run again with --resume to retry only the failed ones\n` : ''}`);
    return EXIT_INTERNAL;
  }
  return 0;
}
