import { generatePopulation } from '../../src/population/generate.js';
import { CATEGORIES, type Population } from '../../src/population/columns.js';
import type { Scenario } from '../../src/scenario/load.js';
import { baseline } from '../helpers/baseline.js';

/** The baseline with its categories scaled to about `households` households in all (shares kept). */
export function scaledBaseline(households: number, overrides: Record<string, unknown> = {}): Scenario {
  const p = baseline().values.population;
  const total = CATEGORIES.reduce((s, c) => s + p[c].households, 0);
  const scaled: Record<string, unknown> = {};
  for (const c of CATEGORIES) scaled[`population.${c}.households`] = Math.round((p[c].households * households) / total);
  return baseline({ ...scaled, ...overrides });
}

/** The population of a scenario for (seed, replication). */
export function populationOf(scenario: Scenario, seed = 2016, replication = 0): Population {
  return generatePopulation(scenario.values, seed, replication);
}

/** Is |observed − expected| within `z` standard errors of a share p estimated from n draws? */
export function shareWithin(observed: number, p: number, n: number, z = 4.5): boolean {
  return Math.abs(observed - p) <= z * Math.sqrt((p * (1 - p)) / n) + 1e-12;
}

/** Pearson's chi-square of observed counts against expected probabilities. */
export function chiSquare(counts: ArrayLike<number>, probabilities: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i]!;
  let chi2 = 0;
  for (let i = 0; i < counts.length; i++) {
    const e = n * probabilities[i]!;
    if (e > 0) chi2 += (counts[i]! - e) ** 2 / e;
    else if (counts[i]! > 0) return Infinity;
  }
  return chi2;
}

/** The 99.9% point of chi-square with k degrees of freedom (Wilson–Hilferty), a generous bound for tests. */
export function chiSquareBound(k: number): number {
  const z = 3.09;
  return k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
}

/** Weights normalised to probabilities. */
export function shares(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return weights.map((w) => w / total);
}
