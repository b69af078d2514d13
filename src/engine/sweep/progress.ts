/**
 * A progress line for notebooks and logs: rewrites itself with a carriage return (Jupyter
 * shows only the latest state of the line), at most every `everyMs`, and once more (with a
 * line end) when done reaches total; later calls are ignored.
 */
export function textProgress(label: string, write: (text: string) => void = (t) => process.stdout.write(t), everyMs = 500): (done: number, total: number) => void {
  const started = Date.now();
  let last = 0;
  let ended = false;
  return (done, total) => {
    const now = Date.now();
    const end = done >= total;
    if (ended || (!end && now - last < everyMs)) return;
    last = now;
    ended = end;
    write(`\r${progressLine(label, done, total, now - started)}${end ? '\n' : ''}`);
  };
}

/** `label [#####-----] 5/10 50% | 3 s elapsed, ETA 3 s`. */
export function progressLine(label: string, done: number, total: number, elapsedMs: number, width = 24): string {
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.round(share * width);
  const eta = done > 0 && done < total ? `, ETA ${formatSeconds((elapsedMs / done) * (total - done))}` : '';
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done}/${total} ${Math.round(share * 100)}% | ${formatSeconds(elapsedMs)} elapsed${eta}`;
}

function formatSeconds(ms: number): string {
  const s = Math.round(ms / 1000);
  return s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}
