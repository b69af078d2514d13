import type { ScenarioCheck } from '../scenario/checks.js';
import { CATEGORIES } from './parameters.js';

export const populationChecks: ScenarioCheck[] = [
  (v) =>
    v.population.subdistrictWeights.length !== v.population.subdistricts
      ? [{ path: 'population.subdistrictWeights', problem: 'one weight per subdistrict', got: `${v.population.subdistrictWeights.length} weights`, expected: `${v.population.subdistricts} weights` }]
      : [],
  (v) =>
    v.population.subdistrictWeights.every((w) => w === 0)
      ? [{ path: 'population.subdistrictWeights', problem: 'weights are all zero', got: v.population.subdistrictWeights, expected: 'at least one weight above 0' }]
      : [],
  (v) =>
    CATEGORIES.flatMap((c) =>
      (['sizeWeights', 'illnessGroupWeights'] as const)
        .filter((k) => v.population[c][k].every((w) => w === 0))
        .map((k) => ({ path: `population.${c}.${k}`, problem: 'weights are all zero', got: v.population[c][k], expected: 'at least one weight above 0' })),
    ),
];
