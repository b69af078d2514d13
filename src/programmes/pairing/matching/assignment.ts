import type { Allocation, AllocationProblem } from './problem.js';

/**
 * Exact one-to-one matching (一帮一 only): each pledge serves at most one family and each
 * family takes at most one pledge. A pair (s, d) is allowed when s is eligible for d and
 * min(capacity, demand) reaches d's minimum; it covers urgency × min(capacity, demand).
 * The Hungarian algorithm (shortest augmenting paths with potentials, O(n²m)) finds the
 * pairing with the largest total.
 */
export function assignmentAllocate(p: AllocationProblem): Allocation {
  const S = p.capacity.length;
  const D = p.demand.length;
  const out: Allocation = { supplier: [], demander: [], amount: [] };
  if (S === 0 || D === 0) return out;
  // Rows are the smaller side so that every row can be assigned (disallowed pairs cost 0).
  const rowsAreSuppliers = S <= D;
  const n = rowsAreSuppliers ? S : D;
  const m = rowsAreSuppliers ? D : S;
  const weight = new Float64Array(n * m);
  for (let s = 0; s < S; s++) {
    for (let d = 0; d < D; d++) {
      const units = Math.min(p.capacity[s]!, p.demand[d]!);
      if (p.eligible[s * D + d] === 0 || !(units > 0) || units < p.minimum[d]!) continue;
      const w = p.urgency[d]! * units + 1e-9 * units; // tiny tie-break: more units when urgency is 0
      if (rowsAreSuppliers) weight[s * m + d] = w;
      else weight[d * m + s] = w;
    }
  }
  const colOfRow = hungarianMaxWeight(weight, n, m);
  for (let r = 0; r < n; r++) {
    const c = colOfRow[r]!;
    if (c < 0 || weight[r * m + c]! <= 0) continue;
    const s = rowsAreSuppliers ? r : c;
    const d = rowsAreSuppliers ? c : r;
    out.supplier.push(s);
    out.demander.push(d);
    out.amount.push(Math.min(p.capacity[s]!, p.demand[d]!));
  }
  // Report in supplier order, like the other allocators.
  const idx = out.supplier.map((_, i) => i).sort((a, b) => out.supplier[a]! - out.supplier[b]! || out.demander[a]! - out.demander[b]!);
  return { supplier: idx.map((i) => out.supplier[i]!), demander: idx.map((i) => out.demander[i]!), amount: idx.map((i) => out.amount[i]!) };
}

/**
 * Assignment of n rows to distinct columns among m ≥ n maximising Σ weight (row-major n×m).
 * Returns the column of each row. Classic potentials formulation on cost = −weight.
 */
export function hungarianMaxWeight(weight: Float64Array, n: number, m: number): Int32Array {
  const INF = Number.POSITIVE_INFINITY;
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const rowOfCol = new Int32Array(m + 1); // 1-based rows; 0 = free
  const way = new Int32Array(m + 1);
  const minv = new Float64Array(m + 1);
  const used = new Uint8Array(m + 1);
  for (let i = 1; i <= n; i++) {
    rowOfCol[0] = i;
    let j0 = 0;
    minv.fill(INF);
    used.fill(0);
    do {
      used[j0] = 1;
      const i0 = rowOfCol[j0]!;
      let delta = INF;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j]) continue;
        const cur = -weight[(i0 - 1) * m + (j - 1)]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j]) {
          u[rowOfCol[j]!] = u[rowOfCol[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (rowOfCol[j0] !== 0);
    do {
      const j1 = way[j0]!;
      rowOfCol[j0] = rowOfCol[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const colOfRow = new Int32Array(n).fill(-1);
  for (let j = 1; j <= m; j++) if (rowOfCol[j]! > 0) colOfRow[rowOfCol[j]! - 1] = j - 1;
  return colOfRow;
}
