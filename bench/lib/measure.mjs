// Timing and memory measurements. Every timing records wall-clock and the process's CPU time:
// on a shared machine the CPU time is the per-core cost, the wall time what a user waits.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Runs `fn` once and returns its result with wall and CPU seconds. */
export function timed(fn) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  return { value, wallS, cpuS: (cpu.user + cpu.system) / 1e6 };
}

/** Runs `fn` `repeats` times; keeps the fastest run by CPU time (the least disturbed by other load). */
export function best(fn, repeats) {
  let fastest;
  for (let i = 0; i < repeats; i++) {
    const run = timed(fn);
    if (!fastest || run.cpuS < fastest.cpuS) fastest = run;
  }
  return fastest;
}

let gcFn;
/** Forces a full garbage collection (exposed through V8 flags at run time, no command-line flag needed). */
export function gc() {
  if (!gcFn) {
    setFlagsFromString('--expose-gc');
    gcFn = runInNewContext('gc');
  }
  gcFn();
  gcFn();
}

/** Peak resident set size of this process so far, in bytes. */
export function peakRss() {
  return process.resourceUsage().maxRSS * 1024;
}
