// Progress on stderr while the benchmark runs (it takes minutes): one line per step, with a
// ticking clock when stderr is a terminal.
const tty = process.stderr.isTTY;

/** Announces a step; call the returned function with a short result when it ends. */
export function step(index, total, label) {
  const t0 = performance.now();
  const head = `[${index}/${total}] ${label}`;
  const elapsed = () => `${((performance.now() - t0) / 1000).toFixed(0)} s`;
  let timer;
  if (tty) {
    process.stderr.write(`${head} …`);
    timer = setInterval(() => process.stderr.write(`\r${head} … ${elapsed()}`), 1000);
  } else process.stderr.write(`${head} …\n`);
  return (result) => {
    if (timer) clearInterval(timer);
    const line = `${head}: ${result} (${((performance.now() - t0) / 1000).toFixed(1)} s)`;
    process.stderr.write(tty ? `\r\x1b[K${line}\n` : `  ${line}\n`);
  };
}
