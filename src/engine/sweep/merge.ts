import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../core/atomicWrite.js';
import { CheckpointMismatchError, readFailures, readManifest, readPoints, savePoint, type PointRecord, type SweepManifest } from './checkpoint.js';
import { SweepMergeError } from './errors.js';
import { canonicalJson } from './spec.js';
import type { SweepRows } from './table.js';

/** Re-exported where callers have always found it; it lives in errors.ts so the CLI can test for it cheaply. */
export { SweepMergeError };

/** The whole sweep assembled from its shards' folders. */
export interface MergedSweep extends SweepRows {
  readonly manifest: SweepManifest;
}

/** At most this many point indices are listed in a message. */
const LISTED = 20;

function list(indices: readonly number[]): string {
  const shown = indices.slice(0, LISTED).join(', ');
  return indices.length > LISTED ? `${shown} … (${indices.length} in all)` : shown;
}

/**
 * Combines the checkpoint folders of a sharded sweep (`sweep <file> --shard K/N --out DIR`)
 * into the whole sweep. Every folder must hold the same sweep (same fingerprint: base
 * values, seed, replications, metrics, design), and together they must hold every design
 * point; a point found in several folders must have the same results in each. The rows come
 * out in design order, so the table is byte-identical to the unsharded run's.
 */
export function mergeShardFolders(dirs: readonly string[]): MergedSweep {
  if (!dirs.length) throw new SweepMergeError('sweep merge: name the shard folders to combine');
  let manifest: SweepManifest | undefined;
  let first = '';
  const points = new Map<number, { record: PointRecord; dir: string }>();
  const failed = new Map<number, string>();
  for (const dir of dirs) {
    let m: SweepManifest | undefined;
    try {
      m = readManifest(dir);
    } catch (e) {
      if (e instanceof CheckpointMismatchError) throw new SweepMergeError(`${dir}: not a sweep folder (${e.message})`);
      throw e;
    }
    if (!m) throw new SweepMergeError(`${dir}: not a sweep folder (no ${existsSync(dir) ? 'sweep.json in it' : 'such folder'}); give the --out folders of the shards`);
    if (!manifest) {
      manifest = m;
      first = dir;
    } else if (m.fingerprint !== manifest.fingerprint) {
      throw new SweepMergeError(`${dir} holds a different sweep than ${first} (its base, seed, replications, metrics or design differ): merge only the shards of one sweep`);
    }
    for (const record of readPoints(dir, m)) {
      const seen = points.get(record.index);
      if (!seen) points.set(record.index, { record, dir });
      else if (canonicalJson(seen.record.metrics) !== canonicalJson(record.metrics)) {
        throw new SweepMergeError(`design point ${record.index} has different results in ${seen.dir} and ${dir}: were they run by different versions of wuhou-sim?`);
      }
    }
    for (const f of readFailures(dir, m)) failed.set(f.index, f.error);
  }
  const total = manifest!.points.length;
  const missing: number[] = [];
  for (let i = 0; i < total; i++) if (!points.has(i)) missing.push(i);
  if (missing.length) {
    const failures = missing.filter((i) => failed.has(i));
    const why = failures.length ? `; ${failures.length} of them failed (e.g. point ${failures[0]}: ${failed.get(failures[0]!)})` : '';
    throw new SweepMergeError(`${missing.length} of ${total} design points are in none of the folders: ${list(missing)}${why}. Run the missing shards (or --resume the failed ones) and merge again`);
  }
  const m = manifest!;
  return {
    manifest: m,
    plan: { name: m.name, seed: m.seed, replications: m.replications, design: m.design, paths: m.paths, metrics: m.metrics },
    points: Array.from({ length: total }, (_, i) => points.get(i)!.record),
    failures: [],
  };
}

/** Writes the merged sweep as one complete checkpoint folder (manifest and every point). */
export function writeMerged(dir: string, merged: MergedSweep): void {
  const existing = readManifest(dir);
  if (existing && existing.fingerprint !== merged.manifest.fingerprint) throw new CheckpointMismatchError(dir, 'it holds another sweep');
  mkdirSync(dir, { recursive: true });
  if (!existing) writeFileAtomic(join(dir, 'sweep.json'), JSON.stringify(merged.manifest, null, 1) + '\n');
  for (const record of merged.points) savePoint(dir, merged.manifest, record);
}
