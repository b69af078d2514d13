/**
 * One month's matching problem: pledges (suppliers) with spare capacity, waiting families
 * (demanders) with a demand, and which pledge may serve which family. Units are integers:
 * fen of money per month, or places. The allocators never create or lose a unit.
 */
export interface AllocationProblem {
  /** Units each supplier can still give per month. */
  readonly capacity: Float64Array;
  /** Units each demander still wants (target coverage minus what it already has). */
  readonly demand: Float64Array;
  /** Units a demander must get in total this month to sign (the "paired" threshold); below it, nothing. */
  readonly minimum: Float64Array;
  /** Assessment urgency in [0, 1]: the weight of a demander's covered need. */
  readonly urgency: Float64Array;
  /** Size of the demander's need: the ordering key of `greedyBySize`. */
  readonly size: Float64Array;
  /** eligible[s * demanders + d] = 1 when supplier s may serve demander d (preferences). */
  readonly eligible: Uint8Array;
  /** A pledge may serve several families (一帮多). */
  readonly split: boolean;
  /** A family may combine several pledges (多帮一). */
  readonly combine: boolean;
}

/** The links an allocator makes: supplier, demander and units per month, in creation order. */
export interface Allocation {
  readonly supplier: number[];
  readonly demander: number[];
  readonly amount: number[];
}

export function supplierCount(p: AllocationProblem): number {
  return p.capacity.length;
}

export function demanderCount(p: AllocationProblem): number {
  return p.demand.length;
}

/** Demanders by urgency, most urgent first; ties by index (who waited longest). */
export function urgencyOrder(p: AllocationProblem): Int32Array {
  const order = Int32Array.from({ length: p.demand.length }, (_, i) => i);
  return order.sort((a, b) => p.urgency[b]! - p.urgency[a]! || a - b);
}

/** Demanders by size of need, largest first; ties by urgency, then index. */
export function sizeOrder(p: AllocationProblem): Int32Array {
  const order = Int32Array.from({ length: p.demand.length }, (_, i) => i);
  return order.sort((a, b) => p.size[b]! - p.size[a]! || p.urgency[b]! - p.urgency[a]! || a - b);
}

/** Σ urgency × units allocated: the objective the `optimal` policy maximises. */
export function coveredUrgentNeed(p: AllocationProblem, a: Allocation): number {
  let sum = 0;
  for (let i = 0; i < a.amount.length; i++) sum += p.urgency[a.demander[i]!]! * a.amount[i]!;
  return sum;
}
