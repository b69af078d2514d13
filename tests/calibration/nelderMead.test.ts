import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nelderMead } from '../../src/calibration/nelderMead.js';

const rosenbrock = (x: number[]): number => (1 - x[0]!) ** 2 + 100 * (x[1]! - x[0]! ** 2) ** 2;

describe('nelderMead (bounds by transformation)', () => {
  it('finds the minimum of Rosenbrock\'s valley inside the box', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], [-2, -2], [2, 2], { maxEvaluations: 2000, xTolerance: 1e-7, fTolerance: 1e-14 });
    expect(r.converged).toBe(true);
    expect(r.x[0]).toBeCloseTo(1, 3);
    expect(r.x[1]).toBeCloseTo(1, 3);
    expect(r.f).toBeLessThan(1e-6);
  });

  it('stops on the bound when the unconstrained minimum lies outside, never evaluating outside', () => {
    const seen: number[][] = [];
    const f = (x: number[]): number => {
      seen.push(x);
      return (x[0]! - 5) ** 2 + (x[1]! + 3) ** 2 + (x[2]! - 0.25) ** 2;
    };
    const r = nelderMead(f, [0.5, 0.5, 0.5], [0, 0, 0], [1, 1, 1], { xTolerance: 1e-6, fTolerance: 1e-12 });
    expect(r.x[0]).toBeCloseTo(1, 5);
    expect(r.x[1]).toBeCloseTo(0, 5);
    expect(r.x[2]).toBeCloseTo(0.25, 4);
    for (const x of seen) for (const v of x) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('recovers the minimum of any convex quadratic with its optimum in the box', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0.2, max: 20, noNaN: true }), { minLength: 4, maxLength: 4 }),
        (optimum, weights) => {
          const f = (x: number[]): number => x.reduce((s, v, i) => s + weights[i]! * (v - optimum[i]!) ** 2, 0);
          const r = nelderMead(f, optimum.map(() => 0.9), optimum.map(() => 0), optimum.map(() => 1), { maxEvaluations: 4000, xTolerance: 1e-7, fTolerance: 1e-14 });
          r.x.forEach((v, i) => expect(Math.abs(v - optimum[i]!)).toBeLessThan(1e-3));
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  });

  it('keeps fixed coordinates (lower = upper) and scales to each bound\'s width', () => {
    const f = (x: number[]): number => (x[0]! - 3000) ** 2 / 1e6 + (x[1]! - 7) ** 2 + (x[2]! - 0.002) ** 2 * 1e6;
    const r = nelderMead(f, [1000, 7, 0.01], [0, 7, 0], [10_000, 7, 0.02], { xTolerance: 1e-7, fTolerance: 1e-14 });
    expect(r.x[1]).toBe(7);
    expect(r.x[0]).toBeCloseTo(3000, 0);
    expect(r.x[2]).toBeCloseTo(0.002, 5);
  });

  it('handles a step-shaped objective (integer outcomes, as with common random numbers) without looping', () => {
    const f = (x: number[]): number => Math.abs(Math.round(x[0]! * 10) - 37) + Math.abs(Math.round(x[1]! * 10) - 12);
    const r = nelderMead(f, [1, 1], [0, 0], [10, 10], { maxEvaluations: 500 });
    expect(r.f).toBe(0);
    expect(r.evaluations).toBeLessThanOrEqual(500);
  });

  it('stops at maxEvaluations and says it did not converge', () => {
    const r = nelderMead(rosenbrock, [-1.2, 1], [-2, -2], [2, 2], { maxEvaluations: 15 });
    expect(r.converged).toBe(false);
    expect(r.evaluations).toBeLessThanOrEqual(16);
  });

  it('rejects bounds with lower above upper, and NaN objectives', () => {
    expect(() => nelderMead(rosenbrock, [0, 0], [1, 0], [0, 1])).toThrow(/lower 1 above upper 0/);
    expect(() => nelderMead(() => NaN, [0], [0], [1])).toThrow(/NaN/);
  });
});
