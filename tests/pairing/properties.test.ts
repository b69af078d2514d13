import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairingLedgerTotals } from '../../src/programmes/pairing/metrics.js';
import { KIND_MONEY, MATCHING_POLICIES, USE_PAIRING } from '../../src/programmes/pairing/vocabulary.js';
import { baseline, runPairing } from './helpers.js';

/** A smaller population keeps each run fast; the platform's own parameters vary. */
const SMALL = { 'population.dibao.households': 200, 'population.marginal.households': 100, 'population.specialHardship.households': 600, 'insurance.households': 300 };

/** A share in [0, 1] at a resolution of 1e-6: subnormal numbers are refused by validation. */
const share = (min = 0) => fc.integer({ min: Math.round(min * 1e6), max: 1e6 }).map((i) => i / 1e6);

const scenarioArb = fc.record({
  seed: fc.integer({ min: 0, max: 1_000_000 }),
  forms: fc.subarray(['oneToOne', 'oneToMany', 'manyToOne'], { minLength: 1 }),
  policy: fc.constantFrom(...MATCHING_POLICIES),
  reliability: share(),
  upfrontShare: share(),
  missingShare: share(),
  intervalMonths: fc.integer({ min: 1, max: 12 }),
  pairedShare: share(0.05),
});

describe('money properties over random scenarios', () => {
  it('a family never receives more than was pledged for it, and no pledge is paid out twice', () => {
    fc.assert(
      fc.property(scenarioArb, (x) => {
        const s = baseline({
          ...SMALL,
          'pairing.forms': x.forms,
          'pairing.policy': x.policy,
          'pairing.donors.company.reliability': x.reliability,
          'pairing.donors.individual.reliability': x.reliability,
          'pairing.pledges.upfrontShare': x.upfrontShare,
          'pairing.delivery.missingShare': x.missingShare,
          'pairing.monitoring.intervalMonths': x.intervalMonths,
          'pairing.matching.pairedShare': x.pairedShare,
        });
        const r = runPairing(s, x.seed, 0);
        const { links, pledges, families } = r.run;
        const lc = links.cols;
        const pc = pledges.cols;
        const paidByPledge = new Float64Array(pledges.length);
        const receivedByFamily = new Float64Array(families.length);
        const promisedByFamily = new Float64Array(families.length);
        for (let l = 0; l < links.length; l++) {
          const p = lc.pledge[l]!;
          const value = pc.kind[p] === KIND_MONEY ? 1 : r.run.cfg.placeValueFen[pc.kind[p]!]!;
          // A link pays at most what it promised: its monthly amount for the months it ran.
          expect(lc.paidFen[l]).toBeLessThanOrEqual(lc.promised[l]! * value);
          expect(lc.promised[l]).toBeLessThanOrEqual(lc.amount[l]! * (lc.end[l]! - lc.start[l]!));
          expect(lc.owedFen[l]).toBeGreaterThanOrEqual(0);
          if (pc.kind[p] === KIND_MONEY) {
            paidByPledge[p] += lc.paidFen[l]!;
            expect(lc.paidFen[l]! + lc.owedFen[l]!).toBe(lc.promised[l]);
          }
          receivedByFamily[lc.family[l]!] += lc.paidFen[l]!;
          promisedByFamily[lc.family[l]!] += lc.promised[l]! * value;
        }
        for (let f = 0; f < families.length; f++) expect(receivedByFamily[f]).toBeLessThanOrEqual(promisedByFamily[f]!);
        let paidTotal = 0;
        for (let p = 0; p < pledges.length; p++) {
          if (pc.kind[p] !== KIND_MONEY) continue;
          // Paid out from a pledge: exactly once, never more than it delivered, never more than it pledged.
          expect(paidByPledge[p]).toBe(pc.paidFen[p]);
          const pledged = pc.monthly[p]! * (pc.end[p]! - pc.start[p]!);
          expect(pc.collectedFen[p]).toBeLessThanOrEqual(pledged);
          if (pc.use[p] === USE_PAIRING) expect(pc.paidFen[p]! + pc.heldFen[p]! + pc.releasedFen[p]!).toBe(pc.collectedFen[p]);
          else expect(pc.paidFen[p]).toBe(0);
          expect(pc.heldFen[p]).toBeGreaterThanOrEqual(0);
          paidTotal += pc.paidFen[p]!;
        }
        const all = pairingLedgerTotals(r.ledger, 0, r.run.cfg.months - 1);
        expect(all.disbursedFen).toBe(paidTotal);
        expect(r.ledger.balance().ok).toBe(true);
        for (const v of Object.values(r.metrics)) expect(Number.isFinite(v) && v >= 0).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
