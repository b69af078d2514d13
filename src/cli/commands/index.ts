import type { Command } from '../command.js';
import { calibrateCommand } from './calibrate.js';
import { compareCommand } from './compare.js';
import { explainCommand } from './explain.js';
import { frontierCommand } from './frontier.js';
import { paramsCommand } from './params.js';
import { reportCommand } from './report.js';
import { runCommand } from './run.js';
import { sensitivityCommand } from './sensitivity.js';
import { sweepCommand } from './sweep.js';
import { validateCommand } from './validate.js';

/** Every subcommand, in the order `--help` lists them. Add a command by adding its file here. */
export const COMMANDS: readonly Command[] = [runCommand, validateCommand, paramsCommand, compareCommand, sweepCommand, frontierCommand, reportCommand, calibrateCommand, explainCommand, sensitivityCommand];
