import type { Command, CommandModule } from '../command.js';

/**
 * A command whose code is imported only when it runs: `--help` and `<command> --help` read
 * the name, summary and usage from here, and `run` does not load the report, frontier,
 * calibration or sweep code (issue 9: CLI start-up).
 */
function lazy(name: string, summary: string, usage: string, load: () => Promise<CommandModule>): Command {
  return { name, summary, usage, run: async (argv) => (await load()).run(argv) };
}

/** Every subcommand, in the order `--help` lists them. Add a command by adding its file and a line here. */
export const COMMANDS: readonly Command[] = [
  lazy(
    'run',
    'Simulate a scenario and print a summary of every metric (--json, --out DIR for summary.csv)',
    'run <scenario> [--seed N] [--reps N] [--set path=value]… [--households CSV --persons CSV [--encoding utf-8|gb18030]] [--json] [--out DIR]',
    () => import('./run.js'),
  ),
  lazy('validate', 'Check scenario files; print every problem as `file: path: problem (got X, expected Y)`', 'validate <file> [<file>…]', () => import('./validate.js')),
  lazy('params', 'List every parameter: path, value, unit, labels and provenance (--csv for CSV)', 'params [scenario] [--set path=value]… [--csv]', () => import('./params.js')),
  lazy(
    'compare',
    'Baseline against reform on common random numbers: paired differences, cost by payer, leverage, winners and losers',
    'compare <baseline> <reform> [--reps N] [--seed N] [--set path=value]… (applied to the reform) [--json] [--out DIR]',
    () => import('./compare.js'),
  ),
  lazy(
    'sweep',
    'Run a sweep file (parameters × replications) on worker threads, whole or as shard K of N; merge shard folders',
    'sweep <file> [--workers N] [--json] [--out DIR] [--resume] [--shard K/N]  |  sweep merge <dir>… [--out DIR] [--json]',
    () => import('./sweep.js'),
  ),
  lazy(
    'frontier',
    'Search the budget frontier (cost against an outcome) over levers with bounds, on worker threads',
    'frontier <file> [--workers N] [--json] [--out DIR] [--lang zh|en]',
    () => import('./frontier.js'),
  ),
  lazy(
    'report',
    'Simulate and write a self-contained bilingual HTML report (offline charts; --png DIR for PNGs)',
    'report <scenario> [--compare reform.yaml] [--lang zh|en] [--out report.html] [--reps N] [--seed N] [--set path=value]… [--png DIR] [--targets file.csv]',
    () => import('./report.js'),
  ),
  lazy(
    'calibrate',
    'Check every target of data/targets.csv against the simulation (exit 1 if any is missed); --fit fits the assumed, fittable parameters',
    'calibrate [scenario] [--reps N] [--seed N] [--targets CSV] [--set path=value]… [--json]\n' +
      '       calibrate --fit [scenario] [--out FILE] [--name NAME] [--reps N] [--seed N] [--targets CSV] [--only PATH]… [--max-evals N]',
    () => import('./calibrate.js'),
  ),
  lazy(
    'explain',
    'List the parameters a metric depends on, with values, units and provenance; --household ID walks one household step by step',
    'explain <metric> [--scenario S] [--set path=value]… [--csv] [--lang en|zh] [--household ID [--seed N] [--replication R]]',
    () => import('./explain.js'),
  ),
  lazy(
    'sensitivity',
    'Which assumptions move a metric: one-at-a-time tornado (±delta) and Morris elementary-effects screening over the fittable parameters',
    'sensitivity [scenario] --metric M [--metric M2]… [--delta 10%] [--reps N] [--seed N] [--trajectories R] [--no-morris] [--set path=value]… [--lang en|zh] [--json] [--out DIR]',
    () => import('./sensitivity.js'),
  ),
];
