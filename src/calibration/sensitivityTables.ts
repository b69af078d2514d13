import type { Table } from '../core/table.js';
import { targetScale } from './checkTargets.js';
import type { MorrisResult } from './morris.js';
import type { Target } from './targets.js';
import type { TornadoResult } from './tornado.js';

/** The tornado as a table: one row per parameter, widest swing first. */
export function tornadoTable(t: TornadoResult, lang: 'en' | 'zh' = 'en'): Table {
  return {
    rank: t.rows.map((_, i) => i + 1),
    parameter: t.rows.map((r) => r.path),
    label: t.rows.map((r) => r[lang]),
    value: t.rows.map((r) => r.base),
    'low value': t.rows.map((r) => r.paramLow),
    'high value': t.rows.map((r) => r.paramHigh),
    'metric at low': t.rows.map((r) => r.low),
    'metric at high': t.rows.map((r) => r.high),
    swing: t.rows.map((r) => r.swing),
  };
}

/**
 * Morris statistics as a table, one row per metric and parameter (μ* descending within a
 * metric). Where a target uses the metric, μ* is also given in half-widths of the target's
 * range: above 1, moving the parameter across its fit range can move the metric across the target.
 */
export function morrisTable(m: MorrisResult, targets: readonly Target[]): Table {
  const half = new Map(targets.map((t) => [t.metric, targetScale(t).half]));
  return {
    metric: m.rows.map((r) => r.metric),
    parameter: m.rows.map((r) => r.path),
    'μ*': m.rows.map((r) => r.muStar),
    'μ': m.rows.map((r) => r.mu),
    'σ': m.rows.map((r) => r.sigma),
    'μ*/half-width': m.rows.map((r) => (half.has(r.metric) ? r.muStar / half.get(r.metric)! : '')),
  };
}
