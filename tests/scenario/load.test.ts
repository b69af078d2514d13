import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.js';
import { simulate } from '../../src/engine/simulate.js';

describe('baseline', () => {
  it('loads and simulates', () => {
    const s = loadScenario('scenarios/baseline-2016.yaml');
    expect(s.values.supermarket.vegetables.cap).toBe(100);
    const r = simulate(s, { replications: 2 });
    expect(r.metrics['population.households']!.mean).toBe(6900);
  });
});
