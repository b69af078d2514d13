import type { MatchingPolicy } from '../vocabulary.js';
import { assignmentAllocate } from './assignment.js';
import { augmentingFlowAllocate } from './augmentingFlow.js';
import { greedyAllocate } from './greedy.js';
import { sizeOrder, urgencyOrder, type Allocation, type AllocationProblem } from './problem.js';

/**
 * Runs one month's matching under a policy.
 * - `urgencyFirst`: most urgent family first, best-fit greedy.
 * - `greedyBySize`: largest need first, best-fit greedy.
 * - `optimal`: maximises Σ urgency × covered units. Exact when pledges may be both split and
 *   combined (augmenting paths) and for one-to-one only (Hungarian); with exactly one of
 *   split and combine the problem is a knapsack variant and urgency-first greedy is used.
 */
export function allocate(p: AllocationProblem, policy: MatchingPolicy): Allocation {
  switch (policy) {
    case 'urgencyFirst':
      return greedyAllocate(p, urgencyOrder(p));
    case 'greedyBySize':
      return greedyAllocate(p, sizeOrder(p));
    case 'optimal':
      if (p.split && p.combine) return augmentingFlowAllocate(p, urgencyOrder(p));
      if (!p.split && !p.combine) return assignmentAllocate(p);
      return greedyAllocate(p, urgencyOrder(p));
  }
}

/** Whether `allocate` solves this problem exactly under `optimal` (else it used the greedy fallback). */
export function optimalIsExact(p: Pick<AllocationProblem, 'split' | 'combine'>): boolean {
  return p.split === p.combine;
}
