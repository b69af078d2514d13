import { describe, expect, it } from 'vitest';
import { runReplication, allMetrics } from '../../src/engine/simulate.js';
import { loadScenario, withOverrides } from '../../src/scenario/load.js';
import { PROGRAMMES, type ProgrammeId } from '../../src/core/accounts.js';

const base = loadScenario('scenarios/baseline-2016.yaml');

/** The metrics a programme reports, in one replication. */
function metricsOf(programme: ProgrammeId, overrides: Record<string, unknown>): Record<string, number> {
  const r = runReplication(withOverrides(base, overrides), 11, 1);
  const ids = allMetrics().filter((m) => m.programme === programme).map((m) => m.id);
  return Object.fromEntries(ids.map((id) => [id, r.metrics[id]!]));
}

/** A change to one programme's policy that moves its own results. */
const REFORMS: Record<ProgrammeId, Record<string, unknown>> = {
  supermarket: { 'supermarket.vegetables.cap': 150, 'supermarket.staples.priceFactor': 0.7 },
  insurance: { 'insurance.households': 300 },
  pairing: { 'pairing.policy': 'greedyBySize' },
};

describe('random streams isolate the programmes', () => {
  it('every programme reports metrics', () => {
    for (const p of PROGRAMMES) expect(allMetrics().filter((m) => m.programme === p).length, p).toBeGreaterThan(0);
  });

  for (const changed of PROGRAMMES) {
    it(`changing ${changed} leaves the other programmes' results identical`, () => {
      expect(metricsOf(changed, REFORMS[changed])).not.toEqual(metricsOf(changed, {}));
      for (const other of PROGRAMMES.filter((p) => p !== changed)) {
        expect(metricsOf(other, REFORMS[changed]), `${other} after changing ${changed}`).toEqual(metricsOf(other, {}));
      }
    });
  }
});
