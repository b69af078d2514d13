import { flattenCatalogue } from '../scenario/catalogue.js';
import type { ScenarioIssue } from '../scenario/issues.js';
import { ScenarioError } from '../scenario/issues.js';
import type { NumberSpec } from '../scenario/spec.js';

/** A parameter calibration may move: its path, bounds, and the target ids it is fitted to. */
export interface FitParameter {
  readonly path: string;
  readonly lower: number;
  readonly upper: number;
  readonly targets: readonly string[];
  /** Whole numbers only (counts): the fit rounds. */
  readonly integer: boolean;
}

/**
 * The catalogue's fittable parameters: provenance `assumed` with fit bounds, of number type.
 * Policy parameters (article quotes) and statistics are never fittable.
 */
export function fittableParameters(): FitParameter[] {
  const out: FitParameter[] = [];
  for (const { path, spec } of flattenCatalogue()) {
    if (spec.source.kind !== 'assumed' || !spec.source.fit || spec.type !== 'number') continue;
    const fit = spec.source.fit;
    out.push({ path, lower: fit.lower, upper: fit.upper, targets: [...fit.targets], integer: spec.integer === true });
  }
  return out;
}

/**
 * Checks fit parameters against the catalogue and the targets: a known number parameter that
 * is not quoted from the article, finite bounds with lower ≤ upper inside the parameter's valid
 * range, and target ids that exist. Throws ScenarioError with every problem.
 */
export function checkFitParameters(params: readonly FitParameter[], targetIds: ReadonlySet<string>): void {
  const specs = new Map(flattenCatalogue().map((e) => [e.path, e.spec]));
  const issues: ScenarioIssue[] = [];
  const seen = new Set<string>();
  for (const p of params) {
    const at = { file: 'fit', path: p.path };
    const spec = specs.get(p.path);
    if (seen.has(p.path)) issues.push({ ...at, problem: 'parameter listed twice' });
    seen.add(p.path);
    if (!spec) {
      issues.push({ ...at, problem: 'unknown parameter', expected: 'a parameter path such as supermarket.visits.meanPerMonth' });
      continue;
    }
    if (spec.type !== 'number') issues.push({ ...at, problem: 'only number parameters can be fitted', got: spec.type });
    if (spec.source.kind !== 'assumed') issues.push({ ...at, problem: `a ${spec.source.kind === 'article' ? 'policy figure from the article' : 'published statistic'} is never fitted`, expected: 'a parameter whose provenance is assumed' });
    if (!Number.isFinite(p.lower) || !Number.isFinite(p.upper)) issues.push({ ...at, problem: 'fit bounds must be finite numbers', got: [p.lower, p.upper] });
    else if (p.lower > p.upper) issues.push({ ...at, problem: 'fit bounds: lower is above upper', got: `${p.lower} > ${p.upper}`, expected: 'lower ≤ upper' });
    else if (spec.type === 'number') checkWithinSpec(spec, p, issues);
    if (p.targets.length === 0) issues.push({ ...at, problem: 'no targets to fit to', expected: 'at least one target id' });
    for (const t of p.targets) if (!targetIds.has(t)) issues.push({ ...at, problem: 'fitted to an unknown target', got: t, expected: 'a target id from the targets file' });
  }
  if (issues.length) throw new ScenarioError(issues);
}

function checkWithinSpec(spec: NumberSpec, p: FitParameter, issues: ScenarioIssue[]): void {
  const below = spec.min !== undefined && (spec.minExclusive ? p.lower <= spec.min : p.lower < spec.min);
  const above = spec.max !== undefined && p.upper > spec.max;
  if (below || above) issues.push({ file: 'fit', path: p.path, problem: 'fit bounds outside the parameter\'s valid range', got: [p.lower, p.upper], expected: spec.expected });
}
