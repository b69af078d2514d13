import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import type { MetricSummary } from '../../metrics/summary.js';
import { CheckpointMismatchError } from './errors.js';
import { canonicalJson, type SweepPlan } from './spec.js';

/**
 * The on-disk record of a sweep in progress, so that finished points are never lost and a
 * later run can resume (or a shard can add its part):
 *
 *     DIR/sweep.json             manifest: format, fingerprint, name, seed, replications,
 *                                metrics, paths and every design point's parameters
 *     DIR/points/000017.json     one finished point: {format, fingerprint, index, params, metrics}
 *     DIR/failed/000003.json     one failed point: {format, fingerprint, index, params, error}
 *
 * Every file is written atomically (temporary file, then rename), one file per point, so a
 * crash or SIGKILL leaves only whole files, and shards writing the same folder never collide.
 * A point file counts only if its fingerprint and parameters match the manifest.
 */
export const CHECKPOINT_FORMAT = 'wuhou-sim.sweep/1';

export interface PointRecord {
  index: number;
  params: Record<string, unknown>;
  metrics: Record<string, MetricSummary>;
}

export interface FailureRecord {
  index: number;
  params: Record<string, unknown>;
  error: string;
}

function pointFile(dir: string, sub: 'points' | 'failed', index: number): string {
  return join(dir, sub, `${String(index).padStart(6, '0')}.json`);
}

/** Re-exported where callers have always found it; it lives in errors.ts so the CLI can test for it cheaply. */
export { CheckpointMismatchError };

/** The manifest DIR/sweep.json: what `sweep merge` needs to rebuild the table without the sweep file. */
export interface SweepManifest {
  readonly format: string;
  readonly fingerprint: string;
  readonly name: string;
  readonly seed: number;
  readonly replications: number;
  readonly design: SweepPlan['design'];
  readonly metrics: readonly string[];
  readonly paths: readonly string[];
  readonly points: ReadonlyArray<Readonly<Record<string, unknown>>>;
}

function manifestOf(plan: SweepPlan): SweepManifest {
  return { format: CHECKPOINT_FORMAT, fingerprint: plan.fingerprint, name: plan.name, seed: plan.seed, replications: plan.replications, design: plan.design, metrics: plan.metrics, paths: plan.paths, points: plan.points };
}

/** Reads DIR/sweep.json, or undefined when there is none; throws when it is not a sweep manifest. */
export function readManifest(dir: string): SweepManifest | undefined {
  const path = join(dir, 'sweep.json');
  if (!existsSync(path)) return undefined;
  let manifest: SweepManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as SweepManifest;
  } catch (e) {
    throw new CheckpointMismatchError(dir, `sweep.json is not valid JSON: ${(e as Error).message}`);
  }
  if (manifest.format !== CHECKPOINT_FORMAT) throw new CheckpointMismatchError(dir, `format ${String(manifest.format)}`);
  return manifest;
}

/**
 * How a run uses its folder: `fresh` clears earlier point files; `resume` keeps the points of
 * the same sweep and runs only the rest; `shared` is for shards that write one folder
 * together: it never deletes another shard's points, and reuses its own only when resuming.
 */
export type CheckpointMode = 'fresh' | 'resume' | 'shared' | 'sharedResume';

/**
 * Prepares DIR for the plan and returns the points already finished there that the run may
 * reuse (see CheckpointMode). A folder holding another sweep is refused, except in `fresh`
 * mode, which starts it afresh.
 */
export function openCheckpoint(dir: string, plan: SweepPlan, resume: boolean | CheckpointMode): Map<number, PointRecord> {
  const mode: CheckpointMode = resume === true ? 'resume' : resume === false ? 'fresh' : resume;
  const manifestPath = join(dir, 'sweep.json');
  const done = new Map<number, PointRecord>();
  const existing = mode === 'fresh' ? undefined : readManifest(dir);
  if (existing) {
    if (existing.fingerprint !== plan.fingerprint) throw new CheckpointMismatchError(dir, 'its base, seed, replications, metrics or design differ');
    if (mode === 'resume' || mode === 'sharedResume') for (const record of readRecords<PointRecord>(join(dir, 'points'), plan)) done.set(record.index, record);
    return done;
  }
  if (mode === 'fresh' || mode === 'resume') {
    rmSync(join(dir, 'points'), { recursive: true, force: true });
    rmSync(join(dir, 'failed'), { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  // Shards starting together may both write it: the content is the same and the write atomic.
  writeFileAtomic(manifestPath, JSON.stringify(manifestOf(plan), null, 1) + '\n');
  return done;
}

/** Point files whose fingerprint and parameters match the plan; anything else is ignored. */
function readRecords<T extends { index: number; params: Record<string, unknown> }>(folder: string, plan: Pick<SweepPlan, 'points' | 'fingerprint'>): T[] {
  if (!existsSync(folder)) return [];
  const out: T[] = [];
  for (const name of readdirSync(folder).sort()) {
    if (!/^\d{6}\.json$/.test(name)) continue;
    let record: T & { format?: string; fingerprint?: string };
    try {
      record = JSON.parse(readFileSync(join(folder, name), 'utf8')) as T & { format?: string; fingerprint?: string };
    } catch {
      continue;
    }
    const expected = plan.points[record.index];
    if (record.format !== CHECKPOINT_FORMAT || record.fingerprint !== plan.fingerprint || !expected) continue;
    if (canonicalJson(record.params) !== canonicalJson(expected)) continue;
    out.push(record);
  }
  return out;
}

/** Finished points recorded in DIR for a sweep (a plan or a manifest), in index order. */
export function readPoints(dir: string, plan: Pick<SweepPlan, 'points' | 'fingerprint'>): PointRecord[] {
  return readRecords<PointRecord>(join(dir, 'points'), plan).sort((a, b) => a.index - b.index);
}

/** Records a finished point (and forgets an earlier failure of it). */
export function savePoint(dir: string, plan: Pick<SweepPlan, 'fingerprint'>, record: PointRecord): void {
  writeFileAtomic(pointFile(dir, 'points', record.index), JSON.stringify({ format: CHECKPOINT_FORMAT, fingerprint: plan.fingerprint, ...record }) + '\n');
  rmSync(pointFile(dir, 'failed', record.index), { force: true });
}

/** Records a failed point, with its parameters and error. */
export function saveFailure(dir: string, plan: SweepPlan, record: FailureRecord): void {
  writeFileAtomic(pointFile(dir, 'failed', record.index), JSON.stringify({ format: CHECKPOINT_FORMAT, fingerprint: plan.fingerprint, ...record }) + '\n');
}

/** Failures recorded in DIR for this plan (e.g. to list what a resume will retry). */
export function readFailures(dir: string, plan: Pick<SweepPlan, 'points' | 'fingerprint'>): FailureRecord[] {
  return readRecords<FailureRecord>(join(dir, 'failed'), plan);
}
