import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { startReplication } from '../../src/engine/replicationState.js';
import { runReplication } from '../../src/engine/simulate.js';
import { generatePopulation } from '../../src/population/generate.js';
import {
  checkMemory,
  estimatePopulation,
  estimateReplication,
  expectedPopulationSize,
  MEMORY_LIMIT_ENV,
  MemoryLimitError,
  memoryLimit,
  parseBytes,
} from '../../src/population/memoryGuard.js';
import { PROGRAMME_MODULES } from '../../src/programmes/index.js';
import { baselineYear } from './helpers.js';

// Typed arrays live outside the V8 heap; `arrayBuffers` counts them exactly once collected garbage is gone.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
function arrayBytes(): number {
  return process.memoryUsage().arrayBuffers;
}
function collected(): number {
  gc();
  gc();
  return arrayBytes();
}

const within = (estimate: number, actual: number, tolerance: number) => Math.abs(estimate - actual) / actual <= tolerance;

describe('memory guard: estimates against measured usage (100k households)', () => {
  const scenario = baselineYear(100_000);

  it('the population estimate matches the bytes its columns take', () => {
    const before = collected();
    const pop = generatePopulation(scenario.values, 7, 0);
    const used = arrayBytes() - before;
    const estimate = estimatePopulation(pop.households.count, pop.persons.count).totalBytes;
    expect(pop.households.count).toBe(100_000);
    expect(within(estimate, used, 0.2)).toBe(true);
    // The estimate made before persons are drawn (expected household sizes) is close too.
    const expected = expectedPopulationSize(scenario.values.population);
    expect(expected.households).toBe(100_000);
    expect(within(expected.persons, pop.persons.count, 0.02)).toBe(true);
  });

  it('the replication estimate lies within 20% of the peak typed-array bytes of a replication', () => {
    // Step through a replication as runReplication does, collecting garbage before each
    // step: each step's scratch is alive until it returns, so the bytes right after a step
    // are that step's peak, and the largest of them is the replication's.
    const values = scenario.values;
    const start = collected();
    const population = generatePopulation(values, 7, 0);
    let peak = arrayBytes() - start;
    const state = startReplication(values, population, 7, 0);
    for (const programme of PROGRAMME_MODULES) {
      collected();
      programme.run(state.context(programme.id));
      peak = Math.max(peak, arrayBytes() - start);
    }
    const retained = collected() - start;
    const estimate = estimateReplication(population.households.count, population.persons.count).totalBytes;
    expect(state.ledger.balance().ok).toBe(true);
    expect(within(estimate, peak, 0.2)).toBe(true);
    // What a replication keeps (population and outcome columns) never exceeds the estimate.
    expect(retained).toBeLessThanOrEqual(estimate);
  });
});

describe('memory guard: the limit', () => {
  const saved = process.env[MEMORY_LIMIT_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[MEMORY_LIMIT_ENV];
    else process.env[MEMORY_LIMIT_ENV] = saved;
  });

  it('parses byte counts with decimal and binary units, and rejects anything else', () => {
    expect(parseBytes('2000000000')).toBe(2e9);
    expect(parseBytes('512M')).toBe(512e6);
    expect(parseBytes('1.5GB')).toBe(1.5e9);
    expect(parseBytes('2GiB')).toBe(2 * 1024 ** 3);
    expect(parseBytes('8g')).toBe(8e9);
    for (const bad of ['', 'lots', '-1G', '0', '1.2.3M', '5X']) expect(parseBytes(bad)).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('K', 'M', 'G'), (n, unit) => {
        expect(parseBytes(`${n}${unit}`)).toBe(n * { K: 1e3, M: 1e6, G: 1e9 }[unit]!);
        expect(parseBytes(`${n}${unit}iB`)).toBe(n * 1024 ** { K: 1, M: 2, G: 3 }[unit]!);
      }),
    );
  });

  it('takes the limit from the environment, else from the memory the system has available', () => {
    expect(memoryLimit({ [MEMORY_LIMIT_ENV]: '3G' })).toEqual({ bytes: 3e9, source: `${MEMORY_LIMIT_ENV}=3G` });
    expect(() => memoryLimit({ [MEMORY_LIMIT_ENV]: 'plenty' })).toThrow(/not a byte count/);
    const free = memoryLimit({});
    expect(free.bytes).toBeGreaterThan(0);
    expect(free.source).toMatch(/available|container/);
  });

  it('the estimate grows linearly with households and persons', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 5 }), (h, k) => {
        const one = estimateReplication(h, 2 * h);
        const many = estimateReplication(k * h, 2 * k * h);
        expect(many.totalBytes).toBe(k * one.totalBytes);
        expect(one.totalBytes).toBe(one.populationBytes + one.replicationBytes);
      }),
    );
  });

  it('stops a replication that will not fit before allocating, naming the estimate and the limit', () => {
    process.env[MEMORY_LIMIT_ENV] = '30M';
    const big = baselineYear(1_000_000);
    const before = collected();
    let error: unknown;
    try {
      runReplication(big, 1, 0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MemoryLimitError);
    const message = (error as Error).message;
    expect(message).toMatch(/a replication of 1,000,000 households \(about [\d,]+ persons\) needs an estimated [\d.]+ MB/);
    expect(message).toContain(`more than the limit of 30.0 MB (${MEMORY_LIMIT_ENV}=30M)`);
    expect((error as MemoryLimitError).estimate.totalBytes).toBeGreaterThan(30e6);
    // Nothing was allocated: the guard ran first.
    expect(arrayBytes() - before).toBeLessThan(1e6);
    // A population alone is guarded too, and a small run still goes through under the same limit.
    expect(() => generatePopulation(big.values, 1, 0)).toThrow(MemoryLimitError);
    expect(runReplication(baselineYear(10_000), 1, 0).population.households.count).toBe(10_000);
  });

  it('passes an estimate that fits and returns it', () => {
    const e = estimateReplication(1000, 1800);
    expect(checkMemory('a replication', e, { bytes: 1e12, source: 'test' })).toBe(e);
    expect(() => checkMemory('a replication', e, { bytes: e.totalBytes, source: 'test' })).toThrow(MemoryLimitError);
  });
});
