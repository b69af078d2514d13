// Sweep throughput: design points per second with 1 and with 2 worker threads, and the
// parallel efficiency. Two figures: steady state (a pool already warm runs the points, as in
// any sweep of more than a few dozen points) and from cold (runSweep, worker start-up and
// JIT warm-up included). Both worker counts must give the same results.
import { availableParallelism } from 'node:os';
import { BASELINE, lib } from '../lib/paths.mjs';

export default async function sweep({ points = 12, replications = 2, workers = [1, 2], rounds = 3 }) {
  const { loadScenario } = await lib('scenario/load.js');
  const { planSweep } = await lib('engine/sweep/spec.js');
  const { runSweep } = await lib('engine/sweep/run.js');
  const { SweepPool } = await lib('engine/sweep/pool.js');
  const caps = Array.from({ length: points }, (_, i) => 60 + 10 * i);
  const plan = planSweep({ base: loadScenario(BASELINE), vary: { 'supermarket.vegetables.cap': caps }, replications, seed: 2016 });
  const tasks = plan.points.map((overrides, index) => ({ type: 'point', index, overrides, seed: plan.seed, replications: plan.replications, metrics: plan.metrics }));

  const runs = [];
  let reference;
  for (const w of workers) {
    // Steady state: warm each worker on four points (V8's code settles after about five
    // replications), then time the whole design `rounds` times and keep the fastest, as the
    // other sections do, so that one burst of other load does not decide the figure.
    const pool = SweepPool.open(plan.base, w);
    const results = new Array(tasks.length);
    let steadyS = Infinity;
    try {
      await pool.run(tasks.slice(0, 4 * w).map((t, i) => ({ ...t, index: i })), () => {});
      for (let round = 0; round < rounds; round++) {
        const t0 = performance.now();
        await pool.run(tasks, (reply) => (results[reply.index] = reply));
        steadyS = Math.min(steadyS, (performance.now() - t0) / 1000);
      }
    } finally {
      await pool.close();
    }
    const failed = results.filter((r) => r.type !== 'done');
    if (failed.length) throw new Error(`sweep points failed: ${failed.map((f) => f.error).join('; ')}`);
    // From cold: the library's runSweep, pool start-up included.
    const t1 = performance.now();
    const cold = await runSweep(plan, { workers: w });
    const coldS = (performance.now() - t1) / 1000;
    const table = JSON.stringify(results.map((r) => r.metrics));
    reference ??= table;
    runs.push({
      workers: w,
      steadyS,
      pointsPerS: plan.points.length / steadyS,
      coldS,
      coldPointsPerS: plan.points.length / coldS,
      identical: table === reference && JSON.stringify(cold.points.map((p) => p.metrics)) === reference,
    });
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
    coldParallelEfficiency: one && two ? two.coldPointsPerS / (2 * one.coldPointsPerS) : null,
    identicalAcrossWorkers: runs.every((r) => r.identical),
  };
}
