import type { ScenarioCheck } from '../../scenario/checks.js';

/** Rules across several insurance parameters, run after each value is valid on its own. */
export const insuranceChecks: ScenarioCheck[] = [];
