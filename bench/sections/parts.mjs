// Where the overhead ratio's time goes (issue 9): one full baseline year taken apart as
// runReplication runs it — population generation, then each programme's `run` in
// PROGRAMME_MODULES order — each part timed (CPU, best of `repeats` after a JIT warm-up), its
// uniform draws counted by stream owner, and set against the bare alea loop of floor.mjs
// measured in this same process. The rest of runReplication (memory check, outcome columns,
// ledger balance, reach and metric checks) is the full replication's time minus the parts.
import { median } from 'simple-statistics';
import { countDraws, drawsByOwner, drawsByStream, stopCounting } from '../lib/drawCounter.mjs';
import { gc, timed } from '../lib/measure.mjs';
import { lib } from '../lib/paths.mjs';
import { replicationContexts } from '../lib/programmeContext.mjs';
import { baselineYear, YEAR_MONTHS } from '../lib/scenario.mjs';
import floor from './floor.mjs';

/** A part drawing less than this share of the replication's uniforms gets a note: its overhead ratio is mostly fixed work, not draws. */
const FEW_DRAWS_SHARE = 0.1;
const REST = 'rest of runReplication';

export default async function parts({ households = 1_000_000, repeats = 5, seed = 2016 }) {
  const { generatePopulation } = await lib('population/generate.js');
  const { runReplication } = await lib('engine/simulate.js');
  const { PROGRAMME_MODULES } = await lib('programmes/index.js');
  const startReplication = await replicationContexts();
  const partNames = ['population', ...PROGRAMME_MODULES.map((p) => p.id)];

  // One replication piece by piece, as runReplication does it; CPU and wall time of each part.
  const byParts = (values, replication) => {
    const generated = timed(() => generatePopulation(values, seed, replication));
    const { ledger, contextFor } = startReplication(values, generated.value, seed, replication);
    const times = [generated];
    const metrics = {};
    for (const programme of PROGRAMME_MODULES) {
      const context = contextFor(programme.id);
      const run = timed(() => programme.run(context));
      Object.assign(metrics, run.value);
      times.push(run);
    }
    if (!ledger.balance().ok) throw new Error(`ledger does not balance in replication ${replication}`);
    return { times: times.map(({ cpuS, wallS }) => ({ cpuS, wallS })), metrics, households: generated.value.households.count };
  };

  // Warm up the JIT on a small population, through both paths.
  const small = await baselineYear(20_000);
  runReplication(small, seed, 99);
  byParts(small.values, 99);

  // Alternate the full replication and the replication by parts, each keeping its fastest
  // run per part, so a burst of load from other jobs falls on both alike.
  const scenario = await baselineYear(households);
  let full;
  let fastest;
  let sameMetricsAsReplication = true;
  let measured;
  const fullCpuS = [];
  // Per run: the full replication's CPU time minus the sum of its parts' in the run beside it.
  const restCpuS = [];
  for (let i = 0; i < repeats; i++) {
    gc();
    const run = timed(() => runReplication(scenario, seed, 0).metrics);
    fullCpuS.push(run.cpuS);
    if (!full || run.cpuS < full.cpuS) full = run;
    gc();
    measured = byParts(scenario.values, 0);
    restCpuS.push(run.cpuS - measured.times.reduce((sum, t) => sum + t.cpuS, 0));
    fastest = fastest ? fastest.map((t, k) => (measured.times[k].cpuS < t.cpuS ? measured.times[k] : t)) : measured.times;
    // Contexts built here must be runReplication's: the programmes then give its numbers.
    for (const [id, v] of Object.entries(measured.metrics)) if (run.value[id] !== v) sameMetricsAsReplication = false;
  }

  // Count the draws of one more full replication, by stream owner. Timings come first: the
  // counting wrapper would otherwise be the generator the timed code was compiled against.
  gc();
  const readTotal = countDraws();
  const counted = runReplication(scenario, seed, 0).metrics;
  const totalDraws = readTotal();
  const owners = drawsByOwner();
  const streams = drawsByStream();
  stopCounting();
  const sameResultsWhenCounting = JSON.stringify(counted) === JSON.stringify(full.value);

  // The bare loop, in this process, sized by the draws just counted.
  const bare = await floor({ draws: totalDraws });
  const nsPerDraw = bare.nsPerDraw;

  const householdMonths = measured.households * YEAR_MONTHS;
  const row = (part, owner, cpuS, wallS, draws) => ({
    part,
    owner,
    cpuS,
    wallS,
    draws,
    drawsPerHouseholdMonth: draws / householdMonths,
    nsPerHouseholdMonth: (cpuS * 1e9) / householdMonths,
    // The bare loop's time for this part's draws, and what the part spends beyond it.
    floorCpuS: draws * nsPerDraw * 1e-9,
    beyondDrawsCpuS: cpuS - draws * nsPerDraw * 1e-9,
    overheadRatio: draws > 0 ? cpuS / (draws * nsPerDraw * 1e-9) : null,
    shareOfReplication: cpuS / full.cpuS,
  });
  const rows = partNames.map((owner, k) => row(owner, owner, fastest[k].cpuS, fastest[k].wallS, owners[owner] ?? 0));
  const partsDraws = rows.reduce((s, r) => s + r.draws, 0);
  const otherOwners = Object.keys(owners).filter((o) => !partNames.includes(o));
  // The rest as a median of paired differences: the fastest of each part summed would be
  // biased low against the fastest full replication (a sum of minima is below the minimum of sums).
  rows.push(row(REST, otherOwners.join(',') || null, median(restCpuS), full.wallS - rows.reduce((s, r) => s + r.wallS, 0), totalDraws - partsDraws));
  const replicationRow = row('full replication', 'all', full.cpuS, full.wallS, totalDraws);
  const excess = replicationRow.beyondDrawsCpuS;
  for (const r of [...rows, replicationRow]) r.shareOfExcess = excess > 0 ? r.beyondDrawsCpuS / excess : null;

  // The rest is a difference of two timings on a shared machine: give the full replication's spread beside it.
  const spreadCpuS = Math.max(...fullCpuS) - Math.min(...fullCpuS);
  const fewDraws = rows.filter((r) => r.draws > 0 && r.draws < FEW_DRAWS_SHARE * totalDraws).map((r) => r.part);
  const notes = [];
  if (fewDraws.length)
    notes.push(
      `${fewDraws.join(', ')}: under ${FEW_DRAWS_SHARE * 100}% of the replication's draws${fewDraws.length > 1 ? ' each' : ''}, so the overhead ratio is large because little is drawn, not because the draws are slow; ns per household-month compares the parts fairly`,
    );
  notes.push(`${REST} is the median over ${repeats} runs of a full replication's CPU time minus the sum of its parts' in the run beside it; the full replication's own spread over those runs is ${spreadCpuS.toFixed(3)} s, so a rest that small (or negative) is noise`);

  return {
    households: measured.households,
    months: YEAR_MONTHS,
    householdMonths,
    repeats,
    fullReplicationCpuS: fullCpuS,
    nsPerDraw,
    floorLoopDraws: bare.loopDraws,
    draws: totalDraws,
    overheadRatio: replicationRow.overheadRatio,
    parts: rows,
    replication: replicationRow,
    drawsByOwner: owners,
    drawsByStream: streams,
    sameResultsWhenCounting,
    sameMetricsAsReplication,
    notes,
  };
}
