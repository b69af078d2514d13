import { freemem, totalmem } from 'node:os';
import { PROGRAMMES, type ProgrammeId } from '../core/accounts.js';
import type { ScenarioValues } from '../scenario/catalogue.js';
import { populationBytes } from './columns.js';
import { CATEGORIES } from './parameters.js';

/**
 * The memory guard: before a population or a replication is allocated, estimate how many
 * bytes its typed arrays will take and stop with a clear message if that will not fit,
 * instead of failing half-way (an ArrayBuffer allocation error, or the kernel killing the
 * process). Typed arrays live outside the V8 heap, so `--max-old-space-size` does not bound
 * them: the guard compares with the memory the system says is available.
 */

/** Bytes per household of the engine's outcome columns: a benefit column per programme, enrolment bits. */
export const OUTCOME_BYTES_PER_HOUSEHOLD = 8 * PROGRAMMES.length + 1;

/**
 * Typed-array bytes per household each programme allocates in a replication: `columns` are
 * the outcome columns it keeps (they live as long as the result), `scratch` what it frees
 * when it returns. Measured with `process.memoryUsage().arrayBuffers` at 100k households
 * (tests/performance/memory.test.ts checks the total stays within 20%):
 * - supermarket: 9 columns; traits (6 float + 1 byte), eligibility mark and list, card spells (change months
 *   and offsets; the balance lives in registers);
 * - insurance: 6 columns; the ranked special-hardship list (the insured book is fixed-size);
 * - pairing: 5 columns; referrals of special-hardship households.
 */
export const PROGRAMME_BYTES_PER_HOUSEHOLD: Readonly<Record<ProgrammeId, { readonly columns: number; readonly scratch: number }>> = {
  supermarket: { columns: 72, scratch: 60 },
  insurance: { columns: 48, scratch: 3 },
  pairing: { columns: 40, scratch: 7 },
};

/** A run needs this much more than its typed arrays: garbage not yet collected, the JS heap's growth. */
export const HEADROOM = 1.25;

/** Environment variable that sets the limit (bytes, or with a unit: 512M, 8G, 1.5GB). */
export const MEMORY_LIMIT_ENV = 'WUHOU_SIM_MEMORY_LIMIT';

export interface MemoryEstimate {
  readonly households: number;
  readonly persons: number;
  /** The population's columns. */
  readonly populationBytes: number;
  /** Outcome columns and programme scratch alive at the peak (0 for a population alone). */
  readonly replicationBytes: number;
  readonly totalBytes: number;
}

/** Estimated bytes of a population's columns. */
export function estimatePopulation(households: number, persons: number): MemoryEstimate {
  const pop = populationBytes(households, persons);
  return { households, persons, populationBytes: pop, replicationBytes: 0, totalBytes: pop };
}

/**
 * Estimated peak bytes of one replication: the population, the outcome columns and, as the
 * programmes run one after another (in PROGRAMMES order), the columns of those run so far
 * plus the scratch of the one running; the largest of these moments is the peak.
 */
export function estimateReplication(households: number, persons: number): MemoryEstimate {
  const pop = populationBytes(households, persons);
  let columns = OUTCOME_BYTES_PER_HOUSEHOLD;
  let peak = columns;
  for (const p of PROGRAMMES) {
    const { columns: kept, scratch } = PROGRAMME_BYTES_PER_HOUSEHOLD[p];
    peak = Math.max(peak, columns + kept + scratch);
    columns += kept;
  }
  const rest = households * peak;
  return { households, persons, populationBytes: pop, replicationBytes: rest, totalBytes: pop + rest };
}

/** Expected persons of households whose sizes 1, 2, … have the given weights. */
export function expectedPersons(households: number, sizeWeights: readonly number[]): number {
  let w = 0;
  let ws = 0;
  for (let i = 0; i < sizeWeights.length; i++) {
    w += sizeWeights[i]!;
    ws += (i + 1) * sizeWeights[i]!;
  }
  return w > 0 ? Math.ceil((households * ws) / w) : households;
}

/** Households and expected persons of the synthetic population a scenario describes. */
export function expectedPopulationSize(p: ScenarioValues['population']): { households: number; persons: number } {
  let households = 0;
  let persons = 0;
  for (const c of CATEGORIES) {
    households += p[c].households;
    persons += expectedPersons(p[c].households, p[c].sizeWeights);
  }
  return { households, persons };
}

export interface MemoryLimit {
  readonly bytes: number;
  /** Where the limit comes from, for the message. */
  readonly source: string;
}

const UNITS: Readonly<Record<string, number>> = { '': 1, K: 1e3, M: 1e6, G: 1e9, T: 1e12 };

/** Parses a byte count: `123456789`, `512M`, `8G`, `1.5GB`, `2GiB` (powers of 1000, or 1024 with `i`). */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(i?)B?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = m[2]!.toUpperCase();
  const power = unit === '' ? 0 : 'KMGT'.indexOf(unit) + 1;
  const scale = m[3] ? 1024 ** power : UNITS[unit]!;
  const bytes = Math.floor(Number(m[1]) * scale);
  return Number.isFinite(bytes) && bytes > 0 ? bytes : undefined;
}

/**
 * The memory a run may use: `WUHOU_SIM_MEMORY_LIMIT` when set, else the memory the system
 * reports available (Linux MemAvailable), lowered to a container's limit when there is one.
 */
export function memoryLimit(env: NodeJS.ProcessEnv = process.env): MemoryLimit {
  const set = env[MEMORY_LIMIT_ENV];
  if (set !== undefined && set !== '') {
    const bytes = parseBytes(set);
    if (bytes === undefined) throw new RangeError(`${MEMORY_LIMIT_ENV}=${set} is not a byte count (e.g. 8G, 512M, 2000000000)`);
    return { bytes, source: `${MEMORY_LIMIT_ENV}=${set}` };
  }
  let bytes = freemem();
  let source = 'memory available on this machine';
  // Node ≥ 19.6 reports a cgroup (container) limit; 0 or more than the machine means none.
  const constrained = typeof process.constrainedMemory === 'function' ? process.constrainedMemory() : 0;
  if (constrained && constrained > 0 && constrained < totalmem()) {
    const left = Math.max(0, constrained - process.memoryUsage.rss());
    if (left < bytes) {
      bytes = left;
      source = 'memory left under this container’s limit';
    }
  }
  return { bytes, source };
}

/** Thrown before allocating when a population or replication will not fit in memory. */
export class MemoryLimitError extends RangeError {
  constructor(
    readonly what: string,
    readonly estimate: MemoryEstimate,
    readonly limit: MemoryLimit,
  ) {
    super(
      `${what} of ${estimate.households.toLocaleString('en')} households (about ${estimate.persons.toLocaleString('en')} persons) ` +
        `needs an estimated ${formatBytes(estimate.totalBytes)} (population ${formatBytes(estimate.populationBytes)}` +
        (estimate.replicationBytes > 0 ? `, outcomes and programme state ${formatBytes(estimate.replicationBytes)}` : '') +
        `), ${formatBytes(estimate.totalBytes * HEADROOM)} with ${Math.round((HEADROOM - 1) * 100)}% headroom, ` +
        `more than the limit of ${formatBytes(limit.bytes)} (${limit.source}). ` +
        `Use fewer households, free memory, or set ${MEMORY_LIMIT_ENV} if you know better.`,
    );
    this.name = 'MemoryLimitError';
  }
}

/** Bytes as a short decimal figure: 1.23 GB, 456.7 MB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  if (bytes >= 1e3) return `${(bytes / 1e3).toFixed(1)} kB`;
  return `${Math.round(bytes)} B`;
}

/** Throws MemoryLimitError when the estimate (with headroom) exceeds the limit; returns the estimate otherwise. */
export function checkMemory(what: string, estimate: MemoryEstimate, limit: MemoryLimit = memoryLimit()): MemoryEstimate {
  if (estimate.totalBytes * HEADROOM > limit.bytes) throw new MemoryLimitError(what, estimate, limit);
  return estimate;
}
