/**
 * Catastrophic health expenditure: a household's out-of-pocket medical cost at or above a
 * share of its means. The means are its capacity to pay (income − food spending, WHO, Xu et
 * al. 2003) or its total spending (SDG 3.8.2, income as a proxy for consumption), over the
 * months simulated.
 */
export function householdMeansFen(monthlyIncomeFen: number, months: number, foodShare: number, measure: 'capacityToPay' | 'totalSpending'): number {
  const income = Math.max(0, monthlyIncomeFen) * months;
  return measure === 'capacityToPay' ? income * (1 - foodShare) : income;
}

/** True when a positive out-of-pocket cost reaches `threshold` × means (any cost counts when means are 0). */
export function isCatastrophic(oopFen: number, meansFen: number, threshold: number): boolean {
  return oopFen > 0 && oopFen >= threshold * meansFen;
}
