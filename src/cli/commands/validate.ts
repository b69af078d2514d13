import { formatIssue } from '../../scenario/issues.js';
import { validateScenarioFiles } from '../../scenario/load.js';
import { parseCommandArgs } from '../args.js';
import { EXIT_BAD_INPUT, UsageError } from '../errors.js';

/** `wuhou-sim validate` (its summary and usage are in ./index.ts). Returns the exit code. */
export async function run(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (!positionals.length) throw new UsageError('validate: name at least one scenario file');
  const issues = validateScenarioFiles(positionals);
  for (const i of issues) process.stdout.write(`${formatIssue(i)}\n`);
  if (issues.length) return EXIT_BAD_INPUT;
  process.stdout.write(`${positionals.length} file(s) valid\n`);
  return 0;
}
