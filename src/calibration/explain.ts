import { PROGRAMMES, type ProgrammeId } from '../core/accounts.js';
import type { Table } from '../core/table.js';
import { allMetrics } from '../engine/simulate.js';
import type { MetricSpec } from '../metrics/metric.js';
import { fenToYuan } from '../core/money.js';
import type { Population } from '../population/columns.js';
import { generatePopulation } from '../population/generate.js';
import { CATEGORIES, ILLNESS_GROUPS } from '../population/parameters.js';
import { flattenCatalogue } from '../scenario/catalogue.js';
import { getPath } from '../scenario/paths.js';
import { describeProvenance } from '../scenario/provenance.js';
import type { Scenario } from '../scenario/load.js';
import { dependsOnPath } from './dependency.js';
import { runProgrammes, type TraceByProgramme } from './partialReplication.js';

/** The metric spec with this id, or an error naming close matches. */
export function metricSpec(id: string): MetricSpec {
  const specs = allMetrics();
  const spec = specs.find((m) => m.id === id);
  if (spec) return spec;
  const stem = id.split('.')[0] ?? '';
  const near = specs.filter((m) => m.id.startsWith(`${stem}.`) || m.id.includes(id)).map((m) => m.id);
  throw new UnknownMetricError(id, near.length ? near : specs.map((m) => m.id));
}

export class UnknownMetricError extends Error {
  constructor(
    readonly metric: string,
    readonly suggestions: readonly string[],
  ) {
    super(`unknown metric "${metric}"; metrics${suggestions.length < allMetrics().length ? ' like it' : ''}: ${suggestions.slice(0, 40).join(', ')}${suggestions.length > 40 ? ', …' : ''}`);
    this.name = 'UnknownMetricError';
  }
}

/** One parameter a metric depends on, as `explain` lists it. */
export interface ExplainedParameter {
  readonly path: string;
  readonly value: unknown;
  readonly unit: string;
  readonly zh: string;
  readonly en: string;
  readonly provenance: string;
  /** assumed (fittable or not), article, or statistic. */
  readonly kind: 'article' | 'statistic' | 'assumed' | 'fittable';
  /** The file (or --set) that gave the value, and the scenario note if any. */
  readonly setIn: string;
  readonly note: string;
}

/**
 * The parameters a metric depends on (its `dependsOn` paths and prefixes), with their values
 * in the scenario, units and provenance, in catalogue order: OpenFisca's trace for our model.
 */
export function explainMetric(metricId: string, scenario: Scenario): { metric: MetricSpec; parameters: ExplainedParameter[] } {
  const metric = metricSpec(metricId);
  const parameters = flattenCatalogue()
    .filter(({ path }) => dependsOnPath(metric, path))
    .map(({ path, spec }): ExplainedParameter => {
      const src = spec.source;
      return {
        path,
        value: getPath(scenario.values, path),
        unit: spec.unit,
        zh: spec.zh,
        en: spec.en,
        provenance: describeProvenance(src),
        kind: src.kind === 'assumed' && src.fit ? 'fittable' : src.kind,
        setIn: scenario.origins[path] ?? '',
        note: scenario.notes[path] ?? '',
      };
    });
  return { metric, parameters };
}

/** The explained parameters as a table. */
export function explainTable(parameters: readonly ExplainedParameter[], lang: 'en' | 'zh' = 'en'): Table {
  return {
    path: parameters.map((p) => p.path),
    value: parameters.map((p) => (Array.isArray(p.value) ? p.value.join(' ') : String(p.value))),
    unit: parameters.map((p) => p.unit),
    label: parameters.map((p) => p[lang]),
    kind: parameters.map((p) => p.kind),
    provenance: parameters.map((p) => p.provenance + (p.note ? ` | scenario note: ${p.note}` : '')),
  };
}

export interface HouseholdTrace {
  readonly household: number;
  readonly index: number;
  readonly seed: number;
  readonly replication: number;
  /** Who the household is: category, subdistrict, size, income, illness group, assessment score. */
  readonly profile: string;
  readonly lines: TraceByProgramme;
}

function describeHousehold(p: Population, h: number): string {
  const hh = p.households;
  return (
    `household ${hh.id[h]}: ${CATEGORIES[hh.category[h]!]}, subdistrict ${hh.subdistrict[h]! + 1}, ${hh.size[h]} persons, ` +
    `income ${fenToYuan(hh.incomeFen[h]!).toFixed(2)} yuan/month, illness group ${ILLNESS_GROUPS[hh.illnessGroup[h]!]}, assessment score ${hh.assessmentScore[h]!.toFixed(3)}`
  );
}

/**
 * Walks one household through the programmes that produce the metric (all three for an engine
 * metric), step by step, from the programmes' own trace lines. `householdId` is the household's
 * id in the population (1..n for a synthetic one, the roster's id otherwise).
 */
export function explainHousehold(metricId: string, scenario: Scenario, householdId: number, seed: number, replication = 0): HouseholdTrace {
  const metric = metricSpec(metricId);
  const population = generatePopulation(scenario.values, seed, replication);
  const ids = population.households.id;
  let index = -1;
  for (let h = 0; h < ids.length; h++) {
    if (ids[h] === householdId) {
      index = h;
      break;
    }
  }
  if (index < 0) throw new RangeError(`no household with id ${householdId}: the population has ids ${ids[0] ?? '-'}..${ids[ids.length - 1] ?? '-'} (${ids.length} households)`);
  const programmes = new Set<ProgrammeId>(metric.programme === 'engine' ? PROGRAMMES : [metric.programme]);
  const run = runProgrammes(scenario, seed, replication, programmes, population, index);
  return { household: householdId, index, seed, replication, profile: describeHousehold(population, index), lines: run.trace };
}
