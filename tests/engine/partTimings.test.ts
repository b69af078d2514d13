import { describe, expect, it } from 'vitest';
import { runReplication } from '../../src/engine/simulate.js';
import { PROGRAMME_MODULES } from '../../src/programmes/index.js';
import { smallScenario } from './fixtures.js';

describe('runReplication partCpuSeconds', () => {
  const scenario = smallScenario();
  const seed = scenario.values.simulation.seed;

  it('adds the CPU seconds of the population, each programme and the engine, and changes no result', () => {
    const parts: Record<string, number> = {};
    const timed = runReplication(scenario, seed, 0, { partCpuSeconds: parts });
    expect(Object.keys(parts).sort()).toEqual(['engine', 'population', ...PROGRAMME_MODULES.map((p) => p.id)].sort());
    for (const v of Object.values(parts)) {
      expect(Number.isFinite(v)).toBe(true);
      expect(v).toBeGreaterThanOrEqual(0);
    }
    expect(timed.metrics).toEqual(runReplication(scenario, seed, 0).metrics);
  });

  it('accumulates over replications into the same record', () => {
    const parts: Record<string, number> = {};
    runReplication(scenario, seed, 0, { partCpuSeconds: parts });
    const once = { ...parts };
    runReplication(scenario, seed, 1, { partCpuSeconds: parts });
    for (const [part, v] of Object.entries(parts)) expect(v).toBeGreaterThanOrEqual(once[part]!);
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBeGreaterThan(Object.values(once).reduce((a, b) => a + b, 0));
  });
});
