import { loadTargets, type Target } from '../calibration/targets.js';
import type { SimulationResult } from '../engine/simulate.js';
import { writeFileAtomic } from '../core/atomicWrite.js';
import type { Lang } from '../i18n/lang.js';
import type { Scenario } from '../scenario/load.js';
import { buildReport, type BuiltReport } from './build.js';
import { collectReportData } from './collect.js';
import { exportPngs } from './png.js';

export interface WriteReportOptions {
  lang: Lang;
  out: string;
  seed?: number;
  replications?: number;
  /** A reform scenario, run with the same seed and replications (common random numbers). */
  reform?: Scenario;
  /** Also write each chart as PNG into this folder. */
  pngDir?: string;
  /** Calibration targets file (default data/targets.csv). */
  targetsFile?: string;
  onReplication?: (done: number, total: number) => void;
}

export interface WrittenReport extends BuiltReport {
  out: string;
  pngs: string[];
  /** The baseline's simulation and the targets it was checked against, for a terminal summary. */
  result: SimulationResult;
  targets: readonly Target[];
}

/**
 * Simulates the scenario (and the reform), builds the report and writes it atomically:
 * readers see the old file or the complete new one, never half a report. Missing folders
 * are created.
 */
export async function writeReport(scenario: Scenario, options: WriteReportOptions): Promise<WrittenReport> {
  const targets = loadTargets(options.targetsFile);
  const seed = options.seed ?? scenario.values.simulation.seed;
  const replications = options.replications ?? scenario.values.simulation.replications;
  const total = options.reform ? 2 * replications : replications;
  const data = collectReportData(scenario, { seed, replications, onReplication: (d) => options.onReplication?.(d, total) });
  const reform = options.reform
    ? collectReportData(options.reform, { seed, replications, onReplication: (d) => options.onReplication?.(replications + d, total) })
    : undefined;
  const built = buildReport(data, { lang: options.lang, targets, ...(reform ? { reform } : {}) });
  writeFileAtomic(options.out, built.html);
  const pngs = options.pngDir ? await exportPngs(options.out, built.charts, options.pngDir) : [];
  return { ...built, out: options.out, pngs, result: data.result, targets };
}
