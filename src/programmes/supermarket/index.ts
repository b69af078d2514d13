import type { ProgrammeModule } from '../../engine/programme.js';

/** Placeholder until the supermarket model lands: contributes no money and no metrics. */
export const supermarketProgramme: ProgrammeModule = {
  id: 'supermarket',
  metrics: [],
  run: () => ({}),
};
