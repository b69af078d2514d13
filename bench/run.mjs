// The benchmark (issue 9): `npm run bench` builds, then runs this. `-- --json` prints one JSON
// object whose keys include householdMonthsPerS, peerRatio, overheadRatio, bytesPerPerson,
// peakRssBytes, personYearsPerS, sweepPointsPerS, parallelEfficiency and cliStartS, measured
// at the largest scale that ran. Each section runs in its own process (see child.mjs).
import { availableParallelism, loadavg, totalmem } from 'node:os';
import { parseArgs } from './lib/args.mjs';
import { step } from './lib/progress.mjs';
import { spawnSection } from './lib/spawnSection.mjs';
import { headline, targets } from './lib/summary.mjs';
import { textReport } from './lib/textReport.mjs';

const PEER_SIZE = 1_000_000;
/** Repeats per scale: more for small scales, where a run is short and noise larger. */
const repeatsFor = (households, quick) => (households <= 100_000 ? (quick ? 2 : 5) : households <= 1_000_000 ? (quick ? 1 : 2) : 1);
/** Counting draws reruns a replication; above this size it would add minutes, so the overhead ratio comes from the largest scale at or below it. */
const COUNT_UP_TO = 1_000_000;

let opts;
try {
  opts = parseArgs(process.argv.slice(2));
} catch (e) {
  process.stderr.write(`${e.message}\n`);
  process.exit(2);
}
const skip = (s) => opts.skip.has(s);
const loadBefore = loadavg();
const started = performance.now();
const total = opts.scales.length + 1 + ['parts', 'supermarket', 'peer', 'insurance', 'sweep', 'cli'].filter((s) => !skip(s)).length;
let n = 0;
const spawnOpts = { heapMb: opts.heapMb };
const M = (x) => `${(x / 1e6).toFixed(2)} M`;

const scales = [];
for (const households of opts.scales) {
  const done = step(++n, total, `full baseline year at ${households.toLocaleString('en')} households`);
  const r = await spawnSection('scale', { households, repeats: repeatsFor(households, opts.quick), count: households <= COUNT_UP_TO }, spawnOpts);
  scales.push(r.error ? { households, ...r } : r);
  done(r.error ? `did not run (${r.error.slice(0, 160)})` : `${M(r.householdMonths / r.replication.cpuS)} household-months/s, peak RSS ${(r.peakRssBytes / 1e9).toFixed(2)} GB`);
}

const counted = scales.filter((s) => !s.error && s.draws !== null).pop();
let floor = null;
{
  const done = step(++n, total, 'bare-loop floor (seedrandom alea)');
  floor = counted ? await spawnSection('floor', { draws: counted.draws }, spawnOpts) : { skipped: 'no counted scale ran' };
  done(floor.error ?? floor.skipped ?? `${floor.nsPerDraw.toFixed(1)} ns per draw`);
}

// The overhead ratio taken apart, at the scale it was measured at (1M households if none was counted).
let parts = null;
if (!skip('parts')) {
  const households = counted?.households ?? COUNT_UP_TO;
  const done = step(++n, total, `overhead by part at ${households.toLocaleString('en')} households`);
  parts = await spawnSection('parts', { households, repeats: opts.quick ? 3 : 5 }, spawnOpts);
  done(parts.error ?? parts.parts.map((p) => `${p.part} ${p.overheadRatio === null ? '—' : p.overheadRatio.toFixed(1)}`).join(', '));
}

let supermarket = null;
let peer = null;
let insurance = null;
let sweep = null;
let cli = null;
// Ours and the peer alternate (three rounds unless --quick), each keeping its fastest run, so a
// burst of load from other jobs cannot favour one side (with two, single runs on this shared
// machine still differed by up to 20%).
const rounds = opts.quick ? 1 : 3;
const faster = (a, b, key) => (!a || a.error || a.skipped ? b : !b || b.error || b.skipped ? a : b[key] > a[key] ? b : a);
if (!skip('supermarket')) {
  const done = step(++n, total, `supermarket programme alone at ${PEER_SIZE.toLocaleString('en')} households`);
  supermarket = await spawnSection('supermarket', { households: PEER_SIZE, repeats: opts.quick ? 2 : 3 }, spawnOpts);
  done(supermarket.error ?? `${M(supermarket.householdMonthsPerCpuS)} household-months/s`);
}
if (!skip('peer')) {
  const done = step(++n, total, `numpy peer at ${PEER_SIZE.toLocaleString('en')} households`);
  peer = await spawnSection('peer', { households: PEER_SIZE }, spawnOpts);
  done(peer.error ?? peer.skipped ?? `${M(peer.householdMonthsPerCpuS)} household-months/s`);
}
for (let round = 2; round <= rounds && !skip('supermarket') && !skip('peer') && !peer?.skipped; round++) {
  const done = step(n, total, `supermarket and numpy peer again (round ${round} of ${rounds})`);
  supermarket = faster(supermarket, await spawnSection('supermarket', { households: PEER_SIZE, repeats: 3 }, spawnOpts), 'householdMonthsPerCpuS');
  peer = faster(peer, await spawnSection('peer', { households: PEER_SIZE }, spawnOpts), 'householdMonthsPerCpuS');
  done(`best: ours ${M(supermarket.householdMonthsPerCpuS)}, numpy ${M(peer.householdMonthsPerCpuS)} household-months/s`);
}
if (!skip('insurance')) {
  const done = step(++n, total, 'insurance Monte Carlo alone');
  insurance = await spawnSection('insurance', { households: opts.quick ? 200_000 : 1_000_000, years: 3 }, spawnOpts);
  done(insurance.error ?? `${M(insurance.personYearsPerCpuS)} person-years/s`);
}
if (!skip('sweep')) {
  const done = step(++n, total, 'sweep with 1 and 2 workers');
  sweep = await spawnSection('sweep', { points: opts.quick ? 6 : 12, replications: 2 }, spawnOpts);
  done(sweep.error ?? `${sweep.runs.map((r) => `${r.workers}w ${r.pointsPerS.toFixed(2)} points/s`).join(', ')}, efficiency ${sweep.parallelEfficiency?.toFixed(2)}`);
}
if (!skip('cli')) {
  const done = step(++n, total, 'CLI start-up');
  cli = await spawnSection('cli', { repeats: 3 }, spawnOpts);
  done(cli.error ?? `${cli.cliStartS.toFixed(2)} s`);
}

const sections = { scales, floor, parts, supermarket, peer, insurance, sweep, cli };
const { keys, extra } = headline(sections);
const doc = {
  ...keys,
  details: extra,
  targets: targets(keys, extra.largestScale ?? 0),
  machine: { cpus: availableParallelism(), totalMemBytes: totalmem(), node: process.version, loadBefore, loadAfter: loadavg() },
  benchSeconds: (performance.now() - started) / 1000,
  sections,
};
process.stdout.write(opts.json ? `${JSON.stringify(doc)}\n` : `\n${textReport(doc)}\n`);
