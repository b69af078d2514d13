import { populationChecks } from '../population/checks.js';
import { insuranceChecks } from '../programmes/insurance/checks.js';
import { pairingChecks } from '../programmes/pairing/checks.js';
import { supermarketChecks } from '../programmes/supermarket/checks.js';
import type { ScenarioCheck } from './checks.js';
import { monthNumber } from '../core/calendar.js';

const simulationChecks: ScenarioCheck[] = [
  (v) =>
    monthNumber(v.simulation.end) < monthNumber(v.simulation.start)
      ? [{ path: 'simulation.end', problem: 'ends before it starts', got: v.simulation.end, expected: `a month from ${v.simulation.start} on` }]
      : [],
];

/** Every cross-parameter rule of the model, run after single values validate. */
export const scenarioChecks: readonly ScenarioCheck[] = [...simulationChecks, ...populationChecks, ...supermarketChecks, ...insuranceChecks, ...pairingChecks];
