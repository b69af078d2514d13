import type { Allocation, AllocationProblem } from './problem.js';

/**
 * Greedy matching in a given order of demanders. Each demander in turn takes from eligible
 * suppliers by best fit: the smallest supplier that covers all it still wants, else the
 * largest one (so big pledges are kept for big needs). Without `combine` it takes from one
 * supplier only; without `split` a supplier serves one demander only. A demander that
 * cannot reach its minimum takes nothing (no agreement is signed), and its units go back.
 */
export function greedyAllocate(p: AllocationProblem, order: Int32Array): Allocation {
  const S = p.capacity.length;
  const D = p.demand.length;
  const cap = Float64Array.from(p.capacity);
  const used = new Uint8Array(S);
  const takenByCurrent = new Int32Array(S).fill(-1);
  const out: Allocation = { supplier: [], demander: [], amount: [] };
  const tentS: number[] = [];
  const tentA: number[] = [];
  for (let o = 0; o < order.length; o++) {
    const d = order[o]!;
    let remaining = p.demand[d]!;
    if (!(remaining > 0)) continue;
    tentS.length = 0;
    tentA.length = 0;
    let got = 0;
    while (remaining > 0) {
      let fit = -1;
      let largest = -1;
      for (let s = 0; s < S; s++) {
        const c = cap[s]!;
        if (c <= 0 || p.eligible[s * D + d] === 0 || takenByCurrent[s] === o || (!p.split && used[s] === 1)) continue;
        if (c >= remaining) {
          if (fit < 0 || c < cap[fit]!) fit = s;
        } else if (largest < 0 || c > cap[largest]!) largest = s;
      }
      const s = fit >= 0 ? fit : largest;
      if (s < 0) break;
      const a = Math.min(cap[s]!, remaining);
      cap[s] = cap[s]! - a;
      takenByCurrent[s] = o;
      tentS.push(s);
      tentA.push(a);
      remaining -= a;
      got += a;
      if (!p.combine) break;
    }
    if (got > 0 && got >= p.minimum[d]!) {
      for (let k = 0; k < tentS.length; k++) {
        used[tentS[k]!] = 1;
        out.supplier.push(tentS[k]!);
        out.demander.push(d);
        out.amount.push(tentA[k]!);
      }
    } else {
      for (let k = 0; k < tentS.length; k++) cap[tentS[k]!] = cap[tentS[k]!]! + tentA[k]!;
    }
  }
  return out;
}
