import seedrandom from 'seedrandom';
import { afterEach, describe, expect, it } from 'vitest';
import { countDraws, stopCounting } from '../../bench/lib/drawCounter.mjs';
import { leanHouseholds, leanYear } from '../../bench/lib/leanCardMonth.mjs';
import { lognormalTable } from '../../src/programmes/supermarket/lognormalTable.js';
import { categoryDiscountFen } from '../../src/programmes/supermarket/pricing.js';

afterEach(() => stopCounting());

describe("the benchmark's lean card-holder month (bench/lib/leanCardMonth.mjs)", () => {
  it('reports exactly the draws it makes: one for the visits, two more in a month with visits', () => {
    const hh = leanHouseholds(500);
    const model = { atoms: lognormalTable(0.3).atoms, categoryDiscountFen };
    const read = countDraws();
    const uVisits = seedrandom.alea('lean-test|visits');
    const uBasket = seedrandom.alea('lean-test|basket');
    const { draws, subsidyFen, discountFen } = leanYear(hh, model, uVisits, uBasket);
    expect(draws).toBe(read());
    // Rates lie in [0.3, 1.7]: some months have no visit, so fewer than three draws each.
    expect(draws).toBeGreaterThan(500 * 12);
    expect(draws).toBeLessThan(3 * 500 * 12);
    expect(Number.isInteger(subsidyFen) && subsidyFen > 0).toBe(true);
    expect(Number.isInteger(discountFen) && discountFen > 0).toBe(true);
  });
});
