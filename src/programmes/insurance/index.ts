import type { ProgrammeModule } from '../../engine/programme.js';

/** Placeholder until the insurance model lands: contributes no money and no metrics. */
export const insuranceProgramme: ProgrammeModule = {
  id: 'insurance',
  metrics: [],
  run: () => ({}),
};
