/** The public API of wuhou-sim. */
export * from './core/accounts.js';
export * from './core/calendar.js';
export * from './core/ledger.js';
export * from './core/money.js';
export * from './core/table.js';
export { randomStream, StreamFactory, type Uniform } from './core/rng/stream.js';
export * from './core/rng/samplers/index.js';
export * from './scenario/catalogue.js';
export * from './scenario/issues.js';
export * from './scenario/load.js';
export * from './scenario/provenance.js';
export * from './population/columns.js';
export { generatePopulation } from './population/generate.js';
export * from './engine/simulate.js';
export * from './engine/outcomes.js';
export * from './metrics/summary.js';
export type { MetricSpec } from './metrics/metric.js';
