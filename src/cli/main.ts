import { ScenarioError } from '../scenario/issues.js';
import type { Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { describeFileError, describeMemoryError, EXIT_BAD_INPUT, EXIT_INTERNAL, isBadInputError, UsageError } from './errors.js';

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'wuhou-sim: simulate and compare Wuhou District\'s relief programmes',
    '',
    'usage: wuhou-sim <command> [options]   (wuhou-sim <command> --help for its options)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Exit codes: 0 success, 2 bad input, 1 internal error. Add --debug for stack traces.',
  ].join('\n');
}

/** Flag mistakes are easier to fix with the command's options in view. */
function withHelpHint(message: string, command: Command | undefined): string {
  return command && /^(Unknown option|Option '.*' argument missing|Unexpected argument)/.test(message) ? `${message} (wuhou-sim ${command.name} --help lists its options)` : message;
}

/** Runs the CLI; returns the exit code. Bad input never prints a stack trace unless --debug. */
export async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug');
  // `--debug` may come before the command name too.
  const [name, ...rest] = argv[0] === '--debug' ? [...argv.slice(1), '--debug'] : argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : EXIT_BAD_INPUT;
  }
  const command: Command | undefined = COMMANDS.find((c) => c.name === name);
  try {
    if (!command) throw new UsageError(`unknown command "${name}"; commands: ${COMMANDS.map((c) => c.name).join(', ')}`);
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(`usage: wuhou-sim ${command.usage}\n\n${command.summary}\n`);
      return 0;
    }
    return await command.run(rest);
  } catch (e) {
    const userMessage = e instanceof ScenarioError || isBadInputError(e) ? withHelpHint(e.message, command) : (describeFileError(e) ?? describeMemoryError(e));
    if (userMessage !== undefined) {
      process.stderr.write(`${userMessage}\n`);
      if (debug) process.stderr.write(`${(e as Error).stack}\n`);
      return EXIT_BAD_INPUT;
    }
    process.stderr.write(`internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    if (debug) process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
    else process.stderr.write('(run again with --debug for the stack trace; please report it)\n');
    return EXIT_INTERNAL;
  }
}
