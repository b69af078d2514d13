// The numpy peer (../shared/peers/numpy_supermarket.py) at the same size as our supermarket:
// run as-is (its own wall-clock figure) and through peer_timing.py (CPU time of its `year`).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PEER, PYTHON, ROOT } from '../lib/paths.mjs';

export default async function peer({ households, months = 12 }) {
  if (!existsSync(PEER)) return { skipped: `peer not found at ${PEER}` };
  const probe = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return { skipped: `numpy is not available to ${PYTHON}: ${(probe.error?.message ?? probe.stderr).trim()}` };
  const asIs = spawnSync(PYTHON, [PEER, String(households), String(months)], { encoding: 'utf8' });
  if (asIs.status !== 0) throw new Error(`peer failed: ${asIs.stderr}`);
  const printed = /= ([\d.]+) M household-months\/s/.exec(asIs.stdout);
  const timed = spawnSync(PYTHON, [join(ROOT, 'bench', 'peer_timing.py'), PEER, String(households), String(months)], { encoding: 'utf8' });
  if (timed.status !== 0) throw new Error(`peer timing failed: ${timed.stderr}`);
  return { ...JSON.parse(timed.stdout), printed: asIs.stdout.trim(), printedHouseholdMonthsPerS: printed ? Number(printed[1]) * 1e6 : null };
}
