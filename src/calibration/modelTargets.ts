import { allMetrics } from '../engine/simulate.js';
import { defaultTargetsPath, loadTargets, type Target } from './targets.js';

/** The ids of every metric the model reports (engine and programmes). */
export function knownMetricIds(): Set<string> {
  return new Set(allMetrics().map((m) => m.id));
}

/**
 * Reads a targets file and checks it against the model: a target naming a metric the model
 * does not report is an error with its CSV line, like a low above its high.
 */
export function loadModelTargets(file = defaultTargetsPath()): Target[] {
  return loadTargets(file, knownMetricIds());
}
