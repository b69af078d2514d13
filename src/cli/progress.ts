/** A progress display for long commands: a bar with ETA on a terminal, silent otherwise. */
export interface Progress {
  update(done: number): void;
  stop(): void;
}

export async function startProgress(total: number, label: string): Promise<Progress> {
  if (!process.stderr.isTTY || total <= 1) return { update() {}, stop() {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {value}/{total} | {percentage}% | ETA {eta_formatted}`, stream: process.stderr, hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return { update: (done) => bar.update(done), stop: () => bar.stop() };
}
