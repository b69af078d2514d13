/**
 * Serious-illness insurance pays by bands of a person's annual out-of-pocket catalogue cost:
 * rate[i] on the part between starts[i] and starts[i+1] (the last band is open). The first
 * start is the threshold. Paying f(after) − f(before) at each stay makes the bands apply to
 * the year's running total, whatever the order of stays.
 */
export function bandPayment(starts: ArrayLike<number>, rates: ArrayLike<number>, total: number): number {
  let pay = 0;
  for (let i = 0; i < starts.length; i++) {
    const lo = starts[i]!;
    if (total <= lo) break;
    const hi = i + 1 < starts.length ? starts[i + 1]! : Infinity;
    pay += rates[i]! * (Math.min(total, hi) - lo);
  }
  return pay;
}
