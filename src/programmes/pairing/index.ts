import type { ProgrammeModule } from '../../engine/programme.js';
import { computePairingMetrics, pairingMetrics } from './metrics.js';
import { simulatePairing } from './simulatePairing.js';

/**
 * The charity pairing platform (慈善日记): donors and assessed families meet in a monthly
 * matching; pledged money flows donors → charity association → families; monitoring finds
 * late deliveries and re-matches. See docs/pairing.md.
 */
export const pairingProgramme: ProgrammeModule = {
  id: 'pairing',
  metrics: pairingMetrics,
  run(ctx) {
    const run = simulatePairing({
      values: ctx.values,
      population: ctx.population,
      calendar: ctx.calendar,
      ledger: ctx.ledger,
      streams: ctx.streams,
      outcomes: ctx.outcomes,
      ...(ctx.traceHousehold !== undefined && ctx.trace ? { traceHousehold: ctx.traceHousehold, trace: ctx.trace } : {}),
    });
    return computePairingMetrics(run);
  },
};

export { simulatePairing, type PairingRun, type PairingInput } from './simulatePairing.js';
export { computePairingMetrics, pairingLedgerTotals, pairingMetrics } from './metrics.js';
export { parseFlow } from './flows.js';
export { disclosureTable, type DisclosureOptions } from './disclosure.js';
export { pairingSankeyTable } from './sankey.js';
export { monthlyLinesFigure, type MonthlyLine } from './monthlyChart.js';
export { runPairingReplication, simulatePairingOnly, type PairingOnlyResult, type PairingReplication, type PairingMonthly } from './runOnly.js';
export * from './vocabulary.js';
