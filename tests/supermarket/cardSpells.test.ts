import fc from 'fast-check';
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { drawCardSpells } from '../../src/programmes/supermarket/cardSpells.js';
import { monthlyHazard } from '../../src/programmes/supermarket/membership.js';
import { NEVER } from '../../src/programmes/supermarket/rollout.js';

/** A stream that counts its draws. */
function counted(seed: string) {
  const u = seedrandom.alea(seed);
  const c = { n: 0, u: () => (c.n++, u()) };
  return c;
}

describe('card spells (take-up and attrition as waiting times)', () => {
  it('alternate take-up and leaving in rising months before the horizon, one draw per eligible household and per change', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.uint8Array({ minLength: 1, maxLength: 40, max: 1 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.array(fc.integer({ min: -20, max: 70 }), { minLength: 3, maxLength: 3 }),
        fc.string(),
        (months, willing, pTakeUp, pLeave, opens, seed) => {
          const n = willing.length;
          const eligible = Int32Array.from({ length: n }, (_, i) => i);
          const subdistrict = Uint8Array.from({ length: n }, (_, i) => i % 3);
          const subdistrictOpens = Int32Array.from(opens);
          const stream = counted(seed);
          const { start, changes } = drawCardSpells({
            eligible,
            willing,
            subdistrictOpens,
            subdistrict,
            takeUp: monthlyHazard(pTakeUp),
            attrition: monthlyHazard(pLeave),
            membership: stream.u,
            months,
          });
          expect(start.length).toBe(n + 1);
          expect(stream.n).toBe(n + start[n]!);
          for (let k = 0; k < n; k++) {
            const from = start[k]!;
            const to = start[k + 1]!;
            if (!willing[k]) expect(to).toBe(from);
            if (to > from) expect(changes[from]!).toBeGreaterThanOrEqual(Math.max(0, opens[k % 3]!));
            for (let c = from; c < to; c++) {
              expect(changes[c]!).toBeLessThan(months);
              // The month of leaving is not a card month: each change comes at least a month after the last.
              if (c > from) expect(changes[c]!).toBeGreaterThan(changes[c - 1]!);
            }
          }
        },
      ),
    );
  });

  it('at p = 1 every willing household takes a card the month its store opens and leaves the month after', () => {
    const { start, changes } = drawCardSpells({
      eligible: Int32Array.from([0, 1]),
      willing: Uint8Array.from([1, 0]),
      subdistrictOpens: Int32Array.from([2]),
      subdistrict: Uint8Array.from([0, 0]),
      takeUp: monthlyHazard(1),
      attrition: monthlyHazard(1),
      membership: seedrandom.alea('spells'),
      months: 7,
    });
    // Takes up at 2, leaves at 3, takes up at 4, leaves at 5, takes up at 6.
    expect([...changes.subarray(start[0]!, start[1]!)]).toEqual([2, 3, 4, 5, 6]);
    expect(start[2]).toBe(start[1]);
  });

  it('grows past one change per household, and a store that never opens gives no card', () => {
    const n = 50;
    const { start, changes } = drawCardSpells({
      eligible: Int32Array.from({ length: n }, (_, i) => i),
      willing: new Uint8Array(n).fill(1),
      subdistrictOpens: Int32Array.from([0, NEVER]),
      subdistrict: Uint8Array.from({ length: n }, (_, i) => i % 2),
      takeUp: monthlyHazard(0.5),
      attrition: monthlyHazard(0.5),
      membership: seedrandom.alea('grow'),
      months: 120,
    });
    expect(start[n]!).toBeGreaterThan(n + 16);
    for (let k = 1; k < n; k += 2) expect(start[k + 1]).toBe(start[k]);
    expect(changes.length).toBeGreaterThanOrEqual(start[n]!);
  });
});
