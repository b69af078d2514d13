import { populationChecks } from '../population/checks.js';
import { insuranceChecks } from '../programmes/insurance/checks.js';
import { pairingChecks } from '../programmes/pairing/checks.js';
import { supermarketChecks } from '../programmes/supermarket/checks.js';
import type { ScenarioCheck } from './checks.js';
import { monthNumber } from '../core/calendar.js';
import { CATEGORIES } from '../population/parameters.js';

/** Longer runs are typos (2107 for 2017) that would take hours rather than a model of anything. */
export const MAX_SIMULATED_MONTHS = 1200;
/** More households than any Chinese province has people: a typo, and more memory than a machine has. */
export const MAX_HOUSEHOLDS = 100_000_000;

const simulationChecks: ScenarioCheck[] = [
  (v) =>
    monthNumber(v.simulation.end) < monthNumber(v.simulation.start)
      ? [{ path: 'simulation.end', problem: 'ends before it starts', got: v.simulation.end, expected: `a month from ${v.simulation.start} on` }]
      : [],
  (v) => {
    const months = monthNumber(v.simulation.end) - monthNumber(v.simulation.start) + 1;
    return months > MAX_SIMULATED_MONTHS ? [{ path: 'simulation.end', problem: 'simulation too long', got: `${months} months`, expected: `at most ${MAX_SIMULATED_MONTHS} months from simulation.start` }] : [];
  },
  (v) => {
    const total = CATEGORIES.reduce((sum, c) => sum + v.population[c].households, 0);
    return total > MAX_HOUSEHOLDS ? [{ path: `population.${CATEGORIES[0]}.households`, problem: 'population too large', got: `${total} households in all`, expected: `at most ${MAX_HOUSEHOLDS} households in all categories together` }] : [];
  },
];

/** Every cross-parameter rule of the model, run after single values validate. */
export const scenarioChecks: readonly ScenarioCheck[] = [...simulationChecks, ...populationChecks, ...supermarketChecks, ...insuranceChecks, ...pairingChecks];
