import { assumed } from './provenance.js';
import { count, month } from './spec.js';

/** When the simulation runs and how many replications it takes by default. */
export const simulationParameters = {
  start: month({
    unit: 'month',
    zh: '模拟起始月份',
    en: 'First simulated month',
    source: assumed('The supermarket programme, the earliest of the three, began in February 2013 (自2013年2月起).'),
  }),
  end: month({
    unit: 'month',
    zh: '模拟结束月份',
    en: 'Last simulated month',
    source: assumed('The article reports cumulative results up to its writing; January 2017 is taken as that date.'),
  }),
  seed: count({
    unit: 'integer',
    zh: '随机种子',
    en: 'Random seed',
    source: assumed('Any fixed integer; results are reproducible for a given seed.'),
  }),
  replications: count({
    unit: 'runs',
    min: 1,
    max: 100_000,
    zh: '重复模拟次数',
    en: 'Replications',
    source: assumed('Enough for the 95% intervals of the calibration targets to be narrow; raise it for final figures.'),
  }),
} as const;
