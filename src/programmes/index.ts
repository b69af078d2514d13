import type { ProgrammeModule } from '../engine/programme.js';
import { insuranceProgramme } from './insurance/index.js';
import { pairingProgramme } from './pairing/index.js';
import { supermarketProgramme } from './supermarket/index.js';

/** The programmes, in the order they run. Each draws only from its own streams. */
export const PROGRAMME_MODULES: readonly ProgrammeModule[] = [supermarketProgramme, insuranceProgramme, pairingProgramme];
