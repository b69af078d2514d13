import { populationParameters } from '../population/parameters.js';
import { insuranceParameters } from '../programmes/insurance/parameters.js';
import { pairingParameters } from '../programmes/pairing/parameters.js';
import { supermarketParameters } from '../programmes/supermarket/parameters.js';
import { describeProvenance } from './provenance.js';
import { simulationParameters } from './simulationParameters.js';
import { isParamSpec, type ParamSpec, type SpecTree, type ValuesOf } from './spec.js';

/**
 * The one parameter catalogue: every parameter of the model, with unit, bilingual label,
 * provenance and constraints. Each part of the model declares its own parameters beside
 * its code; this file only assembles them. Scenario files carry plain values for these paths.
 */
export const catalogueTree = {
  simulation: simulationParameters,
  population: populationParameters,
  supermarket: supermarketParameters,
  insurance: insuranceParameters,
  pairing: pairingParameters,
} as const satisfies SpecTree;

/** The values of a complete, validated scenario, typed from the catalogue. */
export type ScenarioValues = ValuesOf<typeof catalogueTree>;

export interface CatalogueEntry {
  readonly path: string;
  readonly spec: ParamSpec;
}

/** Every parameter, flattened to dotted paths, in catalogue order. */
export function flattenCatalogue(tree: SpecTree = catalogueTree, prefix = ''): CatalogueEntry[] {
  const out: CatalogueEntry[] = [];
  for (const [key, node] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (isParamSpec(node)) out.push({ path, spec: node });
    else out.push(...flattenCatalogue(node, path));
  }
  return out;
}

let index: Map<string, ParamSpec> | undefined;

/** The spec at a dotted path, or undefined if the path names no parameter. */
export function parameterAt(path: string): ParamSpec | undefined {
  index ??= new Map(flattenCatalogue().map((e) => [e.path, e.spec]));
  return index.get(path);
}

export function parameterPaths(): string[] {
  return flattenCatalogue().map((e) => e.path);
}

export { describeProvenance };
