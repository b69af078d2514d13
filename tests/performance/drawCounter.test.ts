import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it } from 'vitest';
import { countDraws, drawsByOwner, drawsByStream, stopCounting, streamKey } from '../../bench/lib/drawCounter.mjs';
import { runReplication } from '../../src/engine/simulate.js';
import { baselineYear } from './helpers.js';

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((s, n) => s + n, 0);

afterEach(() => stopCounting());

describe('the benchmark draw counter (bench/lib/drawCounter.mjs)', () => {
  it('reads owner and purpose from the seed text randomStream writes', () => {
    fc.assert(
      fc.property(fc.integer(), fc.nat(), fc.stringMatching(/^[a-z]+$/), fc.string(), (seed, replication, owner, purpose) => {
        expect(streamKey(`wuhou-sim|${seed}|${replication}|${owner}|${purpose}`)).toEqual({ owner, purpose });
      }),
    );
    expect(streamKey('wuhou-sim|bench|floor').owner).toBe('(other)');
  });

  it('counts every draw of a replication once, by owner and by stream, without changing its metrics', () => {
    const scenario = baselineYear(3_000);
    const plainRun = runReplication(scenario, 2016, 0);
    const plain = plainRun.metrics;
    const households = plainRun.population.households.count;
    const read = countDraws();
    const counted = runReplication(scenario, 2016, 0).metrics;
    const total = read();
    const owners = drawsByOwner();
    const streams = drawsByStream();
    stopCounting();

    expect(counted).toEqual(plain);
    expect(total).toBeGreaterThan(3_000);
    expect(sum(owners)).toBe(total);
    expect(sum(streams)).toBe(total);
    expect(Object.keys(owners).sort()).toEqual(['insurance', 'pairing', 'population', 'supermarket']);
    for (const [owner, n] of Object.entries(owners)) {
      const ofOwner = Object.entries(streams).filter(([key]) => key.startsWith(`${owner}|`));
      expect(sum(Object.fromEntries(ofOwner))).toBe(n);
    }
    // Every household draws its size, and its illness group, once each: counted exactly once.
    expect(streams['population|size']).toBe(households);
    expect(streams['population|illness']).toBe(households);

    // Counting again starts from zero and, the run being deterministic, finds the same counts.
    const again = countDraws();
    expect(again()).toBe(0);
    expect(drawsByOwner()).toEqual({});
    runReplication(scenario, 2016, 0);
    expect(again()).toBe(total);
    expect(drawsByStream()).toEqual(streams);
  });

  it('stops counting: streams made afterwards are not counted', () => {
    const read = countDraws();
    seedrandom.alea('wuhou-sim|1|0|engine|test')();
    expect(drawsByOwner()).toEqual({ engine: 1 });
    stopCounting();
    const u = seedrandom.alea('wuhou-sim|1|0|engine|test');
    for (let i = 0; i < 10; i++) u();
    expect(read()).toBe(1);
  });
});
