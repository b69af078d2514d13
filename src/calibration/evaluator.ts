import type { ProgrammeId } from '../core/accounts.js';
import { mean } from '../metrics/summary.js';
import type { Population } from '../population/columns.js';
import { generatePopulation } from '../population/generate.js';
import { withOverrides, type Scenario } from '../scenario/load.js';
import { programmesFor, runPartialReplication } from './partialReplication.js';

export interface EvaluatorOptions {
  seed: number;
  replications: number;
}

/**
 * Simulated values of a few metrics at chosen parameter values, on common random numbers:
 * every evaluation runs the same seed and replication indices, so two nearby parameter values
 * see the same random draws and the difference between them is the parameters' effect, not
 * noise. That makes an objective built from these means smooth enough for Nelder–Mead.
 *
 * Speed-ups that do not change any number: only the programmes that produce the metrics run,
 * and while no override touches `population.` each replication's population is drawn once.
 */
export class MetricEvaluator {
  private readonly programmes: ReadonlySet<ProgrammeId> | 'all';
  private readonly populations = new Map<number, Population>();
  /** Scenarios simulated so far. */
  evaluations = 0;

  constructor(
    readonly base: Scenario,
    readonly metrics: readonly string[],
    readonly options: EvaluatorOptions,
  ) {
    this.programmes = programmesFor(metrics);
  }

  /** Each metric's value in each replication, at the base scenario with `overrides` applied. */
  perReplication(overrides: Readonly<Record<string, unknown>> = {}): Record<string, number[]> {
    const scenario = Object.keys(overrides).length ? withOverrides(this.base, overrides, 'calibration') : this.base;
    const samePopulation = !Object.keys(overrides).some((p) => p.startsWith('population.'));
    const out: Record<string, number[]> = Object.fromEntries(this.metrics.map((m) => [m, []]));
    for (let r = 0; r < this.options.replications; r++) {
      const population = samePopulation ? this.population(r) : undefined;
      const values = runPartialReplication(scenario, this.options.seed, r, this.programmes, population);
      for (const m of this.metrics) {
        const v = values[m];
        if (v === undefined) throw new Error(`metric "${m}" was not produced by the simulation`);
        out[m]!.push(v);
      }
    }
    this.evaluations++;
    return out;
  }

  /** Each metric's mean across the replications. */
  means(overrides: Readonly<Record<string, unknown>> = {}): Record<string, number> {
    const per = this.perReplication(overrides);
    return Object.fromEntries(this.metrics.map((m) => [m, mean(per[m]!)]));
  }

  private population(replication: number): Population {
    let p = this.populations.get(replication);
    if (!p) {
      p = generatePopulation(this.base.values, this.options.seed, replication);
      this.populations.set(replication, p);
    }
    return p;
  }
}
