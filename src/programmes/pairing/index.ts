import type { ProgrammeModule } from '../../engine/programme.js';

/** Placeholder until the pairing model lands: contributes no money and no metrics. */
export const pairingProgramme: ProgrammeModule = {
  id: 'pairing',
  metrics: [],
  run: () => ({}),
};
