import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import type { MetricSummary } from '../../metrics/summary.js';
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

/** Thrown when a folder holds a different sweep than the one asked to resume. */
export class CheckpointMismatchError extends Error {
  constructor(dir: string, why: string) {
    super(`${dir} holds a different sweep (${why}); use another --out folder, or start afresh without resume`);
    this.name = 'CheckpointMismatchError';
  }
}

/**
 * Prepares DIR for the plan. Fresh start: clears earlier point files and writes the manifest.
 * Resume: checks the manifest matches the plan and returns the points already finished.
 */
export function openCheckpoint(dir: string, plan: SweepPlan, resume: boolean): Map<number, PointRecord> {
  const manifestPath = join(dir, 'sweep.json');
  const done = new Map<number, PointRecord>();
  if (resume && existsSync(manifestPath)) {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { format?: string; fingerprint?: string };
    if (manifest.format !== CHECKPOINT_FORMAT) throw new CheckpointMismatchError(dir, `format ${String(manifest.format)}`);
    if (manifest.fingerprint !== plan.fingerprint) throw new CheckpointMismatchError(dir, 'its base, seed, replications, metrics or design differ');
    for (const record of readRecords<PointRecord>(join(dir, 'points'), plan)) done.set(record.index, record);
    return done;
  }
  rmSync(join(dir, 'points'), { recursive: true, force: true });
  rmSync(join(dir, 'failed'), { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(
    manifestPath,
    JSON.stringify({ format: CHECKPOINT_FORMAT, fingerprint: plan.fingerprint, name: plan.name, seed: plan.seed, replications: plan.replications, design: plan.design, metrics: plan.metrics, paths: plan.paths, points: plan.points }, null, 1) + '\n',
  );
  return done;
}

/** Point files whose fingerprint and parameters match the plan; anything else is ignored. */
function readRecords<T extends { index: number; params: Record<string, unknown> }>(folder: string, plan: SweepPlan): T[] {
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

/** Records a finished point (and forgets an earlier failure of it). */
export function savePoint(dir: string, plan: SweepPlan, record: PointRecord): void {
  writeFileAtomic(pointFile(dir, 'points', record.index), JSON.stringify({ format: CHECKPOINT_FORMAT, fingerprint: plan.fingerprint, ...record }) + '\n');
  rmSync(pointFile(dir, 'failed', record.index), { force: true });
}

/** Records a failed point, with its parameters and error. */
export function saveFailure(dir: string, plan: SweepPlan, record: FailureRecord): void {
  writeFileAtomic(pointFile(dir, 'failed', record.index), JSON.stringify({ format: CHECKPOINT_FORMAT, fingerprint: plan.fingerprint, ...record }) + '\n');
}

/** Failures recorded in DIR for this plan (e.g. to list what a resume will retry). */
export function readFailures(dir: string, plan: SweepPlan): FailureRecord[] {
  return readRecords<FailureRecord>(join(dir, 'failed'), plan);
}
