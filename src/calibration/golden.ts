import { readdirSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { packageRoot } from '../core/packageRoot.js';
import { simulate } from '../engine/simulate.js';
import { loadScenario } from '../scenario/load.js';

/**
 * Golden summaries: for every shipped scenario, each metric's mean, sd and 2.5/97.5%
 * percentiles at a fixed seed and replication count, stored under tests/golden/. The golden
 * test recomputes them and fails when any number moved beyond the tolerance.
 *
 * Tolerance rule: a statistic has moved when |new − old| > 1e-9 · max(1, |old|). The model is
 * deterministic (same seed, same numbers), so honest code changes that leave results alone
 * differ only by floating-point reassociation, around 1e-15 relative; anything that changes a
 * formula, a draw or a parameter moves some number by far more (for a yuan amount, 1e-9
 * relative is below one fen). A metric appearing or disappearing also counts as a change.
 */
export const GOLDEN_TOLERANCE = { relative: 1e-9, absolute: 1e-9 } as const;

/** Replications per golden scenario: enough for an sd and percentiles, few enough for a fast test. */
export const GOLDEN_REPLICATIONS = 3;

export interface GoldenStat {
  mean: number;
  sd: number;
  p025: number;
  p975: number;
}

export interface GoldenSummary {
  /** Scenario name, and its file relative to the package root. */
  scenario: string;
  file: string;
  seed: number;
  replications: number;
  tolerance: { relative: number; absolute: number };
  metrics: Record<string, GoldenStat & { unit: string }>;
}

/** The shipped scenario files (scenarios/*.yaml), sorted. */
export function shippedScenarioFiles(root = packageRoot()): string[] {
  const dir = join(root, 'scenarios');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** Where a scenario file's golden summary is stored: tests/golden/<file name without .yaml>.json. */
export function goldenPath(scenarioFile: string, root = packageRoot()): string {
  return join(root, 'tests', 'golden', `${basename(scenarioFile).replace(/\.ya?ml$/, '')}.json`);
}

/** Simulates a scenario file at its own seed and GOLDEN_REPLICATIONS and summarises every metric. */
export function goldenSummary(scenarioFile: string, root = packageRoot(), replications = GOLDEN_REPLICATIONS): GoldenSummary {
  const scenario = loadScenario(scenarioFile);
  const seed = scenario.values.simulation.seed;
  const result = simulate(scenario, { seed, replications });
  const metrics: GoldenSummary['metrics'] = {};
  for (const id of Object.keys(result.metrics).sort()) {
    const m = result.metrics[id]!;
    metrics[id] = { mean: m.mean, sd: m.sd, p025: m.p025, p975: m.p975, unit: m.unit };
  }
  return { scenario: scenario.name, file: relative(root, scenarioFile), seed, replications, tolerance: { ...GOLDEN_TOLERANCE }, metrics };
}

/** Stable JSON text of a summary (sorted metric ids, one metric per line), so diffs in git stay readable. */
export function goldenText(s: GoldenSummary): string {
  const lines = Object.keys(s.metrics)
    .sort()
    .map((id) => `    ${JSON.stringify(id)}: ${JSON.stringify(s.metrics[id])}`);
  const head = { scenario: s.scenario, file: s.file, seed: s.seed, replications: s.replications, tolerance: s.tolerance };
  return `{\n${Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`).join('\n')}\n  "metrics": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export interface GoldenMove {
  metric: string;
  stat: keyof GoldenStat;
  old: number;
  new: number;
}

export interface GoldenDiff {
  /** Run settings that differ (seed, replications, file): the numbers are then not comparable. */
  settings: string[];
  moved: GoldenMove[];
  added: string[];
  removed: string[];
  /** Largest |change| below the tolerance, relative to max(1, |old|): how close honest noise came. */
  largestBelowTolerance: number;
}

const STATS: ReadonlyArray<keyof GoldenStat> = ['mean', 'sd', 'p025', 'p975'];

/** Whether a statistic moved beyond the tolerance rule (see GOLDEN_TOLERANCE). */
export function movedBeyond(old: number, now: number, tolerance: GoldenSummary['tolerance'] = GOLDEN_TOLERANCE): boolean {
  return !(Math.abs(now - old) <= Math.max(tolerance.absolute, tolerance.relative * Math.abs(old)));
}

/** Compares a fresh summary with the stored one, statistic by statistic, under the stored tolerance. */
export function compareGolden(stored: GoldenSummary, fresh: GoldenSummary): GoldenDiff {
  const settings: string[] = [];
  if (stored.seed !== fresh.seed) settings.push(`seed ${stored.seed} → ${fresh.seed}`);
  if (stored.replications !== fresh.replications) settings.push(`replications ${stored.replications} → ${fresh.replications}`);
  if (stored.file !== fresh.file) settings.push(`file ${stored.file} → ${fresh.file}`);
  const moved: GoldenMove[] = [];
  let largestBelowTolerance = 0;
  for (const [id, old] of Object.entries(stored.metrics)) {
    const now = fresh.metrics[id];
    if (!now) continue;
    for (const stat of STATS) {
      if (movedBeyond(old[stat], now[stat], stored.tolerance)) moved.push({ metric: id, stat, old: old[stat], new: now[stat] });
      else largestBelowTolerance = Math.max(largestBelowTolerance, Math.abs(now[stat] - old[stat]) / Math.max(1, Math.abs(old[stat])));
    }
  }
  const added = Object.keys(fresh.metrics).filter((id) => !(id in stored.metrics));
  const removed = Object.keys(stored.metrics).filter((id) => !(id in fresh.metrics));
  return { settings, moved, added, removed, largestBelowTolerance };
}

export function goldenUnchanged(d: GoldenDiff): boolean {
  return d.settings.length === 0 && d.moved.length === 0 && d.added.length === 0 && d.removed.length === 0;
}

function fmt(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  return a >= 1e4 ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : a >= 1e-3 ? String(Number(v.toPrecision(6))) : v.toExponential(3);
}

/**
 * A readable account of what moved and by how much, one line per metric: the mean old → new
 * with the change, the change in percent and in standard errors of the stored run (how large
 * the move is against the simulation's own noise), then the other statistics that moved.
 */
export function formatGoldenDiff(stored: GoldenSummary, fresh: GoldenSummary, d = compareGolden(stored, fresh)): string {
  const out: string[] = [];
  if (d.settings.length) out.push(`  settings changed: ${d.settings.join('; ')}`);
  const byMetric = new Map<string, GoldenMove[]>();
  for (const m of d.moved) byMetric.set(m.metric, [...(byMetric.get(m.metric) ?? []), m]);
  for (const [metric, moves] of byMetric) {
    const s = stored.metrics[metric]!;
    const parts = moves.map((m) => {
      const delta = m.new - m.old;
      const pct = m.old !== 0 ? `, ${delta > 0 ? '+' : ''}${((delta / Math.abs(m.old)) * 100).toPrecision(3)}%` : '';
      const se = s.sd / Math.sqrt(stored.replications);
      const inSe = se > 0 ? `, ${(delta / se).toFixed(2)} se` : '';
      return m.stat === 'mean' ? `mean ${fmt(m.old)} → ${fmt(m.new)} (Δ ${delta > 0 ? '+' : ''}${fmt(delta)}${pct}${inSe})` : `${STAT_NAMES[m.stat]} ${fmt(m.old)} → ${fmt(m.new)}`;
    });
    out.push(`  ${metric} [${s.unit}]: ${parts.join('; ')}`);
  }
  for (const id of d.added) out.push(`  + ${id} (new metric): mean ${fmt(fresh.metrics[id]!.mean)} [${fresh.metrics[id]!.unit}]`);
  for (const id of d.removed) out.push(`  − ${id} (metric gone): was mean ${fmt(stored.metrics[id]!.mean)} [${stored.metrics[id]!.unit}]`);
  return out.join('\n');
}

const STAT_NAMES: Record<keyof GoldenStat, string> = { mean: 'mean', sd: 'sd', p025: 'p2.5', p975: 'p97.5' };
