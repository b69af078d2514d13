// The practical floor: drawing uniforms from the same generator (seedrandom alea) in a bare loop.
import seedrandom from 'seedrandom';
import { best } from '../lib/measure.mjs';

const MAX_LOOP = 100_000_000;

export default async function floor({ draws }) {
  const n = Math.max(1_000_000, Math.min(draws, MAX_LOOP));
  const prng = seedrandom.alea('wuhou-sim|bench|floor');
  let sink = 0;
  const loop = () => {
    let s = 0;
    for (let i = 0; i < n; i++) s += prng();
    sink += s;
    return s;
  };
  loop(); // warm-up
  const run = best(loop, 3);
  // The loop is linear in its length, so the floor for all the draws scales from its rate.
  const perDrawCpuS = run.cpuS / n;
  const perDrawWallS = run.wallS / n;
  return { draws, loopDraws: n, nsPerDraw: perDrawCpuS * 1e9, floorCpuS: perDrawCpuS * draws, floorWallS: perDrawWallS * draws, sink: sink > 0 };
}
