import { formatIssue } from '../../scenario/issues.js';
import { validateScenarioFiles } from '../../scenario/load.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';
import { EXIT_BAD_INPUT, UsageError } from '../errors.js';

export const validateCommand: Command = {
  name: 'validate',
  summary: 'Check scenario files; print every problem as `file: path: problem (got X, expected Y)`',
  usage: 'validate <file> [<file>…]',
  async run(argv) {
    const { positionals } = parseCommandArgs(argv, {});
    if (!positionals.length) throw new UsageError('validate: name at least one scenario file');
    const issues = validateScenarioFiles(positionals);
    for (const i of issues) process.stdout.write(`${formatIssue(i)}\n`);
    if (issues.length) return EXIT_BAD_INPUT;
    process.stdout.write(`${positionals.length} file(s) valid\n`);
    return 0;
  },
};
