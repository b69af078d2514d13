import type { ScenarioCheck } from '../../scenario/checks.js';

/** Rules across several pairing parameters, run after each value is valid on its own. */
export const pairingChecks: ScenarioCheck[] = [];
