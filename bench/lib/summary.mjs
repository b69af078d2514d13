// Turns the sections' raw results into the benchmark's headline keys and the issue's targets.

/** The targets (issue 9): key, comparison, bound, what it means. */
export const TARGETS = [
  { key: 'householdMonthsPerS', atLeast: 5e6, label: 'full model, household-months per second per core' },
  { key: 'peerRatio', atLeast: 1.5, label: 'supermarket programme ÷ numpy peer' },
  { key: 'overheadRatio', atMost: 3, label: 'simulation time ÷ bare-loop draw time' },
  { key: 'bytesPerPerson', atMost: 100, label: 'bytes of population state per person' },
  { key: 'peakRssBytes', atMost: 24e9, label: 'peak memory of a 10M-household year (24 GB machine)', needsScale: 10_000_000 },
  { key: 'parallelEfficiency', atLeast: 0.8, label: 'sweep parallel efficiency on 2 workers' },
  { key: 'cliStartS', atMost: 1, label: 'CLI start-up, run --reps 1 (s)' },
];

const ok = (r) => r && !r.error && !r.skipped;

/** The headline keys, measured at the largest scale that ran. */
export function headline({ scales, floor, parts, supermarket, peer, insurance, sweep, cli }) {
  const ran = scales.filter((s) => ok(s));
  const largest = ran[ran.length - 1];
  const counted = ran.filter((s) => s.draws !== null).pop();
  const byCpu = (s) => s.householdMonths / s.replication.cpuS;
  // Cost per household-month at the largest scale against 100k (10k is dominated by fixed costs).
  const reference = ran.find((s) => s.households >= 100_000) ?? ran[0];
  const growth = largest && reference ? (largest.replication.cpuS / largest.householdMonths) / (reference.replication.cpuS / reference.householdMonths) : null;
  const keys = {
    householdMonthsPerS: largest ? byCpu(largest) : null,
    peerRatio: ok(supermarket) && ok(peer) ? supermarket.householdMonthsPerCpuS / peer.householdMonthsPerCpuS : null,
    overheadRatio: counted && ok(floor) ? counted.replication.cpuS / floor.floorCpuS : null,
    bytesPerPerson: largest ? largest.populationBytes / largest.persons : null,
    peakRssBytes: largest ? largest.peakRssBytes : null,
    personYearsPerS: ok(insurance) ? insurance.personYearsPerCpuS : null,
    sweepPointsPerS: ok(sweep) ? sweep.sweepPointsPerS : null,
    parallelEfficiency: ok(sweep) ? sweep.parallelEfficiency : null,
    cliStartS: ok(cli) ? cli.cliStartS : null,
  };
  const extra = {
    largestScale: largest?.households ?? null,
    householdMonthsPerWallS: largest ? largest.householdMonths / largest.replication.wallS : null,
    populationPersonsPerS: largest ? largest.persons / largest.generate.cpuS : null,
    replicationBytesPerPerson: largest ? (largest.peakRssBytes - largest.rssBeforeBytes) / largest.persons : null,
    memoryEstimateBytes: largest?.estimateBytes ?? null,
    costGrowth: growth,
    linear: growth === null ? null : growth <= 1.25,
    overheadScale: counted?.households ?? null,
    drawsPerHouseholdMonth: counted ? counted.draws / counted.householdMonths : null,
    overheadByPart: ok(parts) ? overheadByPart(parts) : null,
    supermarketHouseholdMonthsPerS: ok(supermarket) ? supermarket.householdMonthsPerCpuS : null,
    peerHouseholdMonthsPerS: ok(peer) ? peer.householdMonthsPerCpuS : null,
    peerRatioWall: ok(supermarket) && ok(peer) ? supermarket.householdMonthsPerWallS / peer.householdMonthsPerWallS : null,
    peerSkipped: peer?.skipped ?? null,
    cliLoadsHeavyModules: ok(cli) ? cli.heavyModules.length > 0 : null,
    sweepIdenticalAcrossWorkers: ok(sweep) ? sweep.identicalAcrossWorkers : null,
  };
  return { keys, extra };
}

/** Each target with its measured value and whether it is met (null when not measured). */
export function targets(keys, largestScale) {
  return TARGETS.map((t) => {
    const value = keys[t.key];
    const measured = value !== null && value !== undefined && (!t.needsScale || largestScale >= t.needsScale);
    const met = !measured ? null : t.atLeast !== undefined ? value >= t.atLeast : value <= t.atMost;
    return { key: t.key, label: t.label, bound: t.atLeast !== undefined ? `≥ ${t.atLeast}` : `≤ ${t.atMost}`, value: measured ? value : null, met };
  });
}

/**
 * The parts section's table (bench/sections/parts.mjs): one row per part of a replication
 * (population, each programme, the engine's own work) and one for the whole, each with
 * CPU seconds, draws, draws and ns per household-month and its own overhead ratio.
 */
function overheadByPart(parts) {
  const pick = (r) => ({
    part: r.part,
    cpuS: r.cpuS,
    draws: r.draws,
    drawsPerHouseholdMonth: r.drawsPerHouseholdMonth,
    nsPerHouseholdMonth: r.nsPerHouseholdMonth,
    overheadRatio: r.overheadRatio,
    beyondDrawsCpuS: r.beyondDrawsCpuS,
    shareOfExcess: r.shareOfExcess,
  });
  return {
    households: parts.households,
    householdMonths: parts.householdMonths,
    nsPerDraw: parts.nsPerDraw,
    overheadRatio: parts.overheadRatio,
    rows: [...parts.parts, parts.replication].map(pick),
    sameResultsWhenCounting: parts.sameResultsWhenCounting,
    notes: parts.notes,
    leanCardMonth: parts.leanCardMonth,
  };
}
