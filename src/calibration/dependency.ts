import type { MetricSpec } from '../metrics/metric.js';

/**
 * Whether a parameter path is covered by a metric's dependency list: an exact path, or a
 * prefix ending in `.` (`supermarket.visits.` covers `supermarket.visits.meanPerMonth`).
 */
export function dependsOnPath(metric: Pick<MetricSpec, 'dependsOn'>, path: string): boolean {
  return metric.dependsOn.some((d) => (d.endsWith('.') ? path.startsWith(d) : path === d));
}
