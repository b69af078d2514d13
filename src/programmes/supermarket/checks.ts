import type { ScenarioCheck } from '../../scenario/checks.js';

/** Rules across several supermarket parameters, run after each value is valid on its own. */
export const supermarketChecks: ScenarioCheck[] = [];
