// The human-readable benchmark report (without --json).
const M = (x) => (x === null || x === undefined ? '—' : `${(x / 1e6).toFixed(2)} M`);
const f = (x, d = 2) => (x === null || x === undefined ? '—' : x.toFixed(d));
const gb = (x) => (x === null || x === undefined ? '—' : `${(x / 1e9).toFixed(2)} GB`);

export function textReport(doc) {
  const { details: extra, sections, targets, machine } = doc;
  const keys = doc;
  const lines = [];
  lines.push(`wuhou-sim benchmark — ${machine.cpus} cores, ${gb(machine.totalMemBytes)}, node ${machine.node}, load average ${machine.loadBefore.map((x) => x.toFixed(1)).join(' ')} → ${machine.loadAfter.map((x) => x.toFixed(1)).join(' ')}`);
  lines.push('Rates are per CPU-second of the measuring process (per core); wall-clock figures in brackets.');
  lines.push('');
  lines.push('Full baseline year (all three programmes, 12 months), population scaled:');
  lines.push('  households   persons      generate (persons/s)   replication (household-months/s)   peak RSS    population B/person   draws/household-month');
  for (const s of sections.scales) {
    if (s.error) {
      lines.push(`  ${String(s.households).padStart(10)}   did not run: ${s.error}`);
      continue;
    }
    lines.push(
      `  ${String(s.households).padStart(10)}   ${String(s.persons).padStart(10)}   ${M(s.persons / s.generate.cpuS).padStart(9)}             ${M(s.householdMonths / s.replication.cpuS).padStart(9)} [${M(s.householdMonths / s.replication.wallS)}]            ${gb(s.peakRssBytes).padStart(8)}    ${f(s.populationBytes / s.persons, 1).padStart(8)}              ${s.draws === null ? '—' : f(s.draws / s.householdMonths, 2)}`,
    );
  }
  lines.push(`  cost per household-month at the largest scale ÷ at 100k: ${f(extra.costGrowth)} (${extra.linear ? 'linear' : 'not linear'})`);
  lines.push('');
  const sm = sections.supermarket;
  const peer = sections.peer;
  lines.push(`Supermarket alone, ${sm?.households ?? '—'} households × 12 months: ${M(sm?.householdMonthsPerCpuS)} household-months/s [${M(sm?.householdMonthsPerWallS)}]; card-holder months ${f((sm?.cardMonthShare ?? NaN) * 100, 1)}% of household-months`);
  if (peer?.skipped) lines.push(`numpy peer: skipped (${peer.skipped})`);
  else if (peer && !peer.error) lines.push(`numpy peer, same size: ${M(peer.householdMonthsPerCpuS)} household-months/s [${M(peer.householdMonthsPerWallS)}]; as printed by the peer: ${peer.printed}`);
  lines.push(`peerRatio (ours ÷ numpy): ${f(keys.peerRatio)} [wall ${f(extra.peerRatioWall)}]`);
  lines.push('');
  lines.push(`Overhead ratio at ${extra.overheadScale ?? '—'} households: ${f(keys.overheadRatio)} (bare alea loop ${f(sections.floor?.nsPerDraw, 1)} ns/draw, ${f(extra.drawsPerHouseholdMonth)} draws per household-month)`);
  lines.push(...partsTable(extra.overheadByPart));
  lines.push(`Insurance Monte Carlo alone: ${M(keys.personYearsPerS)} person-years/s over a book of ${sections.insurance?.persons ?? '—'} persons`);
  const sw = sections.sweep;
  if (sw && !sw.error) lines.push(`Sweep, ${sw.points} points × ${sw.replications} replications of the baseline: ${sw.runs.map((r) => `${r.workers} worker(s) ${f(r.pointsPerS)} points/s warm, ${f(r.coldPointsPerS)} from cold`).join('; ')}; efficiency ${f(keys.parallelEfficiency)} warm, ${f(sw.coldParallelEfficiency)} from cold; identical results: ${sw.identicalAcrossWorkers}`);
  const cli = sections.cli;
  if (cli && !cli.error) lines.push(`CLI: ${cli.command}: ${f(cli.cliStartS)} s wall, ${f(cli.cliCpuS)} s CPU (bare node start ${f(cli.nodeStartS)} s); loads danfo/plotly: ${cli.heavyModules.length ? cli.heavyModules.join(', ') : 'no'}`);
  lines.push('');
  lines.push('Targets (issue 9):');
  for (const t of targets) lines.push(`  ${t.met === null ? '  ·' : t.met ? ' ok' : 'MISS'}  ${t.label}: ${t.value === null ? 'not measured' : f(t.value, t.value > 1e5 ? 0 : 2)} (target ${t.bound})`);
  const errors = Object.entries(sections).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).filter((x) => x?.error).map((x) => `${k}: ${x.error}`));
  if (errors.length) lines.push('', 'Problems:', ...errors.map((e) => `  ${e}`));
  return lines.join('\n');
}

/** The overhead ratio part by part (details.overheadByPart), or nothing when the section did not run. */
function partsTable(byPart) {
  if (!byPart) return [];
  const lines = [`Overhead by part at ${byPart.households.toLocaleString('en')} households (the parts of the fastest replication, CPU time; bare loop ${f(byPart.nsPerDraw, 1)} ns/draw in the same process):`];
  lines.push('  part                       CPU s        draws   draws/household-month   ns/household-month   overhead ratio   share of time beyond draws');
  for (const r of byPart.rows) {
    lines.push(
      `  ${r.part.padEnd(24)} ${f(r.cpuS, 3).padStart(7)}   ${String(r.draws).padStart(10)}   ${f(r.drawsPerHouseholdMonth, 3).padStart(21)}   ${f(r.nsPerHouseholdMonth, 1).padStart(18)}   ${f(r.overheadRatio, 1).padStart(14)}   ${r.shareOfExcess === null ? '—' : `${(r.shareOfExcess * 100).toFixed(0)}%`}`,
    );
  }
  for (const note of byPart.notes) lines.push(`  (${note})`);
  const lean = byPart.leanCardMonth;
  if (lean)
    lines.push(
      `  Lower bound, a lean card-holder month (its ${f(lean.drawsPerCardMonth)} draws, rounding, caps and card payment only; bench/lib/leanCardMonth.mjs): ${f(lean.nsPerCardMonth, 1)} ns, overhead ratio ${f(lean.overheadRatio, 1)}; the supermarket part: ${f(lean.supermarketNsPerCardMonth, 1)} ns per card-holder month`,
    );
  if (byPart.sameResultsWhenCounting === false) lines.push('  WARNING: the counted run gave other metrics than the timed one');
  return lines;
}
