/** A subcommand of `wuhou-sim`. `run` returns the exit code. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  run(argv: string[]): Promise<number>;
}

/** What a command's module exports; its name, summary and usage live in commands/index.ts, so listing commands loads none. */
export interface CommandModule {
  run(argv: string[]): Promise<number>;
}
