import { shardIndices } from './design.js';

/** One of N deterministic slices of a sweep's design points; `k` counts from 1. */
export interface Shard {
  readonly k: number;
  readonly n: number;
}

/** Largest N accepted: far more shards than any cluster runs, small enough to catch typos. */
export const MAX_SHARDS = 100_000;

/** Parses `K/N` (1 ≤ K ≤ N); returns a message saying what is wrong instead when it is not one. */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) return `expected K/N, e.g. 3/8 for the third of eight slices, got "${text}"`;
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || n > MAX_SHARDS) return `N must be a whole number from 1 to ${MAX_SHARDS}, got ${n}`;
  if (k < 1 || k > n) return `K must be from 1 to N (${n}), got ${k}`;
  return { k, n };
}

/**
 * The design indices of shard K of N: every N-th point from K−1, so that each shard gets a
 * mix of the design (a grid's slow and fast corners alike) and the shards partition it.
 * Depends only on the number of points, never on the machine or the time.
 */
export function shardPoints(total: number, shard: Shard): number[] {
  return shardIndices(total, shard.k - 1, shard.n);
}
