import type { Allocation, AllocationProblem } from './problem.js';

/**
 * Exact maximiser of Σ urgency × units for pledges that may be split and combined.
 *
 * The coverage vectors a month's pledges can give the waiting families form a polymatroid
 * (flows from capacitated suppliers through eligible edges), so taking demanders in order of
 * urgency and giving each as much as possible, while letting earlier demanders' units be
 * re-routed to other pledges, is optimal (Edmonds' greedy). "As much as possible" is found by
 * augmenting paths: source → pledge with spare capacity → family → pledge it releases → …
 * → the current family. Re-routing never changes an earlier family's total.
 *
 * The paired threshold makes the exact problem a knapsack; here a family that cannot reach
 * its minimum has its augmentations undone (the state returns exactly to before it), which
 * keeps the result optimal among families that do reach theirs in urgency order.
 */
export function augmentingFlowAllocate(p: AllocationProblem, order: Int32Array): Allocation {
  const S = p.capacity.length;
  const D = p.demand.length;
  const cap = Float64Array.from(p.capacity);
  const flow = new Float64Array(S * D);
  const prevS = new Int32Array(S);
  const prevD = new Int32Array(D);
  const seenS = new Int32Array(S).fill(-1);
  const seenD = new Int32Array(D).fill(-1);
  const queue = new Int32Array(D);
  let search = 0;
  // Undo log of this demander's changes: flow cell (or −1 − s for a capacity) and delta.
  const logCell: number[] = [];
  const logDelta: number[] = [];

  for (let o = 0; o < order.length; o++) {
    const d = order[o]!;
    let remaining = p.demand[d]!;
    if (!(remaining > 0)) continue;
    logCell.length = 0;
    logDelta.length = 0;
    let got = 0;
    while (remaining > 0) {
      search++;
      let head = 0;
      let tail = 0;
      queue[tail++] = d;
      seenD[d] = search;
      let end = -1;
      while (head < tail && end < 0) {
        const x = queue[head++]!;
        for (let s = 0; s < S && end < 0; s++) {
          if (seenS[s] === search || p.eligible[s * D + x] === 0) continue;
          seenS[s] = search;
          prevS[s] = x;
          if (cap[s]! > 0) {
            end = s;
            break;
          }
          const row = s * D;
          for (let y = 0; y < D; y++) {
            if (flow[row + y]! > 0 && seenD[y] !== search) {
              seenD[y] = search;
              prevD[y] = s;
              queue[tail++] = y;
            }
          }
        }
      }
      if (end < 0) break;
      // Bottleneck along the path.
      let b = Math.min(cap[end]!, remaining);
      for (let x = prevS[end]!; x !== d; ) {
        const s2 = prevD[x]!;
        b = Math.min(b, flow[s2 * D + x]!);
        x = prevS[s2]!;
      }
      cap[end] = cap[end]! - b;
      logCell.push(-1 - end);
      logDelta.push(-b);
      let x = prevS[end]!;
      flow[end * D + x] = flow[end * D + x]! + b;
      logCell.push(end * D + x);
      logDelta.push(b);
      while (x !== d) {
        const s2 = prevD[x]!;
        flow[s2 * D + x] = flow[s2 * D + x]! - b;
        logCell.push(s2 * D + x);
        logDelta.push(-b);
        x = prevS[s2]!;
        flow[s2 * D + x] = flow[s2 * D + x]! + b;
        logCell.push(s2 * D + x);
        logDelta.push(b);
      }
      remaining -= b;
      got += b;
    }
    if (got > 0 && got < p.minimum[d]!) {
      for (let k = logCell.length - 1; k >= 0; k--) {
        const c = logCell[k]!;
        if (c < 0) cap[-1 - c] = cap[-1 - c]! - logDelta[k]!;
        else flow[c] = flow[c]! - logDelta[k]!;
      }
    }
  }
  const out: Allocation = { supplier: [], demander: [], amount: [] };
  for (let s = 0; s < S; s++) {
    for (let d = 0; d < D; d++) {
      const f = flow[s * D + d]!;
      if (f > 0) {
        out.supplier.push(s);
        out.demander.push(d);
        out.amount.push(f);
      }
    }
  }
  return out;
}
