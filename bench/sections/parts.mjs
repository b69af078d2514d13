// Where the overhead ratio's time goes (issue 9): one full baseline year, timed part by part
// inside runReplication itself (its `partCpuSeconds` option: population generation, each
// programme's `run`, the engine's own work), its uniform draws counted by stream owner, and
// set against the bare alea loop of floor.mjs measured in this same process.
import { countDraws, drawsByOwner, drawsByStream, stopCounting } from '../lib/drawCounter.mjs';
import { leanCardMonth } from '../lib/leanCardMonth.mjs';
import { gc, timed } from '../lib/measure.mjs';
import { lib } from '../lib/paths.mjs';
import { baselineYear, YEAR_MONTHS } from '../lib/scenario.mjs';
import floor from './floor.mjs';

/** A part drawing less than this share of the replication's uniforms gets a note: its overhead ratio is mostly fixed work, not draws. */
const FEW_DRAWS_SHARE = 0.1;
/** Households of the lean card-holder year (12 card-holder months each). */
const LEAN_HOUSEHOLDS = 500_000;

export default async function parts({ households = 1_000_000, repeats = 5, seed = 2016 }) {
  const { runReplication } = await lib('engine/simulate.js');
  const { PROGRAMME_MODULES } = await lib('programmes/index.js');
  const partNames = ['population', ...PROGRAMME_MODULES.map((p) => p.id), 'engine'];

  // Warm up the JIT on a small population.
  runReplication(await baselineYear(20_000), seed, 99);

  // The fastest of `repeats` replications, with the parts of that same run (so they add up to it).
  const scenario = await baselineYear(households);
  let fastest;
  const fullCpuS = [];
  for (let i = 0; i < repeats; i++) {
    gc();
    const partCpuSeconds = {};
    const run = timed(() => runReplication(scenario, seed, 0, { partCpuSeconds }));
    fullCpuS.push(run.cpuS);
    if (!fastest || run.cpuS < fastest.run.cpuS) fastest = { run, partCpuSeconds };
  }
  const { run: full, partCpuSeconds } = fastest;

  // Count the draws of one more replication, by stream owner. Timings come first: the
  // counting wrapper would otherwise be the generator the timed code was compiled against.
  gc();
  const readTotal = countDraws();
  const counted = runReplication(scenario, seed, 0).metrics;
  const totalDraws = readTotal();
  const owners = drawsByOwner();
  const streams = drawsByStream();
  stopCounting();
  const sameResultsWhenCounting = JSON.stringify(counted) === JSON.stringify(full.value.metrics);

  // The bare loop, in this process, sized by the draws just counted.
  const bare = await floor({ draws: totalDraws });
  const nsPerDraw = bare.nsPerDraw;

  // The lean card-holder month beside the bare loop, and the supermarket part per card-holder month.
  const lean = await leanCardMonth({ n: LEAN_HOUSEHOLDS, repeats: 3, nsPerDraw });
  const cardMonths = full.value.metrics['supermarket.cardMonths'];
  const supermarketNsPerCardMonth = cardMonths > 0 ? ((partCpuSeconds.supermarket ?? 0) * 1e9) / cardMonths : null;

  const householdMonths = full.value.population.households.count * YEAR_MONTHS;
  const row = (part, cpuS, draws) => ({
    part,
    cpuS,
    draws,
    drawsPerHouseholdMonth: draws / householdMonths,
    nsPerHouseholdMonth: (cpuS * 1e9) / householdMonths,
    // The bare loop's time for this part's draws, and what the part spends beyond it.
    floorCpuS: draws * nsPerDraw * 1e-9,
    beyondDrawsCpuS: cpuS - draws * nsPerDraw * 1e-9,
    overheadRatio: draws > 0 ? cpuS / (draws * nsPerDraw * 1e-9) : null,
    shareOfReplication: cpuS / full.cpuS,
  });
  const rows = partNames.map((part) => row(part, partCpuSeconds[part] ?? 0, owners[part] ?? 0));
  const replicationRow = row('full replication', full.cpuS, totalDraws);
  const excess = replicationRow.beyondDrawsCpuS;
  for (const r of [...rows, replicationRow]) r.shareOfExcess = excess > 0 ? r.beyondDrawsCpuS / excess : null;

  const notes = [];
  const fewDraws = rows.filter((r) => r.draws > 0 && r.draws < FEW_DRAWS_SHARE * totalDraws).map((r) => r.part);
  if (fewDraws.length)
    notes.push(
      `${fewDraws.join(', ')}: under ${FEW_DRAWS_SHARE * 100}% of the replication's draws${fewDraws.length > 1 ? ' each' : ''}, so the overhead ratio is large because little is drawn, not because the draws are slow; ns per household-month compares the parts fairly`,
    );
  const partsDraws = rows.reduce((s, r) => s + r.draws, 0);
  if (partsDraws !== totalDraws) notes.push(`WARNING: the parts made ${partsDraws} of the replication's ${totalDraws} draws`);

  return {
    households: full.value.population.households.count,
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
    notes,
    leanCardMonth: { ...lean, supermarketNsPerCardMonth },
  };
}
