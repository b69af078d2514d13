import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventLoss, eventPayment, layer, layerProblems, lossLimit, payYear, paymentWithinYear } from '../../src/programmes/insurance/layer.js';

describe('cover layer, by hand', () => {
  it('deductible only: pays the loss above it', () => {
    const l = layer({ deductible: 500 });
    expect(eventPayment(l, 300)).toBe(0);
    expect(eventPayment(l, 500)).toBe(0);
    expect(eventPayment(l, 2000)).toBe(1500);
  });

  it('coinsurance: pays its share of the loss above the deductible', () => {
    const l = layer({ deductible: 200, coinsurance: 0.82 });
    expect(eventPayment(l, 10_200)).toBeCloseTo(8200, 9);
  });

  it('limit on the payment caps what is paid', () => {
    const l = layer({ coinsurance: 0.8, limit: 50_000, limitOn: 'payment' });
    expect(eventPayment(l, 40_000)).toBeCloseTo(32_000, 9);
    expect(eventPayment(l, 100_000)).toBe(50_000);
  });

  it('limit on the loss caps the loss before coinsurance', () => {
    const l = layer({ deductible: 1000, coinsurance: 0.5, limit: 11_000, limitOn: 'loss' });
    expect(eventPayment(l, 6000)).toBe(2500);
    expect(eventPayment(l, 50_000)).toBe(5000); // 0.5 × (11,000 − 1,000)
    expect(lossLimit(l)).toBe(11_000);
    // the same layer written with a payment limit
    const p = layer({ deductible: 1000, coinsurance: 0.5, limit: 5000, limitOn: 'payment' });
    expect(lossLimit(p)).toBe(11_000);
    for (const x of [0, 999, 1500, 6000, 11_000, 30_000]) expect(eventPayment(p, x)).toBeCloseTo(eventPayment(l, x), 9);
  });

  it('per-day indemnity: the loss is days × amount', () => {
    const l = layer({ perDay: 100, annualLimit: 36_500 });
    expect(eventLoss(l, 99_999, 12)).toBe(1200);
    expect(eventPayment(l, eventLoss(l, 0, 12))).toBe(1200);
  });

  it('annual aggregate limit: later events get what is left', () => {
    const l = layer({ annualLimit: 20_000 });
    expect(payYear(l, [8000, 9000, 7000, 5000])).toEqual([8000, 9000, 3000, 0]);
    expect(paymentWithinYear(l, 5000, 20_000)).toBe(0);
    const allowance = layer({ perDay: 100, annualLimit: 36_500 });
    expect(payYear(allowance, [200 * 100, 200 * 100])).toEqual([20_000, 16_500]);
  });

  it('refuses invalid layers', () => {
    expect(() => layer({ coinsurance: 1.2 })).toThrow(/coinsurance/);
    expect(() => layer({ deductible: -1 })).toThrow(/deductible/);
    expect(layerProblems({ deductible: 500, coinsurance: 1, limit: 100, limitOn: 'loss', perDay: 0, annualLimit: Infinity })[0]).toMatch(/below the deductible/);
  });
});

describe('cover layer, properties', () => {
  const layers = fc.record({
    deductible: fc.double({ min: 0, max: 1e5, noNaN: true }),
    coinsurance: fc.double({ min: 0, max: 1, noNaN: true }),
    extra: fc.double({ min: 0, max: 1e6, noNaN: true }),
    limitOn: fc.constantFrom('loss' as const, 'payment' as const),
    annualLimit: fc.oneof(fc.constant(Infinity), fc.double({ min: 0, max: 1e6, noNaN: true })),
  });

  it('a payment is never negative, never above the loss, the limit or the annual limit left', () => {
    fc.assert(
      fc.property(layers, fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 20 }), (f, losses) => {
        const l = layer({ deductible: f.deductible, coinsurance: f.coinsurance, limit: f.deductible + f.extra, limitOn: f.limitOn, annualLimit: f.annualLimit });
        const paid = payYear(l, losses);
        let total = 0;
        paid.forEach((p, i) => {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(losses[i]! + 1e-9);
          expect(p).toBeLessThanOrEqual(l.limit + 1e-9);
          total += p;
        });
        expect(total).toBeLessThanOrEqual(l.annualLimit + 1e-6);
      }),
    );
  });

  it('a bigger loss never gets a smaller payment', () => {
    fc.assert(
      fc.property(layers, fc.double({ min: 0, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (f, a, b) => {
        const l = layer({ deductible: f.deductible, coinsurance: f.coinsurance, limit: f.deductible + f.extra, limitOn: f.limitOn });
        const [lo, hi] = a < b ? [a, b] : [b, a];
        expect(eventPayment(l, hi)).toBeGreaterThanOrEqual(eventPayment(l, lo) - 1e-9);
      }),
    );
  });
});
