// Sweep throughput: design points per second with 1 and with 2 worker threads, the parallel
// efficiency, and whether both give the same table (they must: results are placed by index).
import { availableParallelism } from 'node:os';
import { BASELINE, lib } from '../lib/paths.mjs';

export default async function sweep({ points = 8, replications = 2, workers = [1, 2] }) {
  const { loadScenario } = await lib('scenario/load.js');
  const { planSweep } = await lib('engine/sweep/spec.js');
  const { runSweep } = await lib('engine/sweep/run.js');
  const caps = Array.from({ length: points }, (_, i) => 60 + 10 * i);
  const plan = planSweep({ base: loadScenario(BASELINE), vary: { 'supermarket.vegetables.cap': caps }, replications, seed: 2016 });
  const runs = [];
  let reference;
  for (const w of workers) {
    const t0 = performance.now();
    const result = await runSweep(plan, { workers: w });
    const wallS = (performance.now() - t0) / 1000;
    const table = JSON.stringify(result.points);
    reference ??= table;
    runs.push({ workers: w, wallS, pointsPerS: plan.points.length / wallS, identical: table === reference });
  }
  const one = runs.find((r) => r.workers === 1);
  const two = runs.find((r) => r.workers === 2);
  return {
    points: plan.points.length,
    replications,
    scenario: 'baseline-2016 (6,900 households, 48 months)',
    cores: availableParallelism(),
    runs,
    sweepPointsPerS: two ? two.pointsPerS : one.pointsPerS,
    parallelEfficiency: one && two ? two.pointsPerS / (2 * one.pointsPerS) : null,
    identicalAcrossWorkers: runs.every((r) => r.identical),
  };
}
