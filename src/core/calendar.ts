/**
 * Months as integers. A month index counts from the scenario's first simulated month
 * (index 0); `monthNumber` counts from January of year 0 so any two months can be compared.
 */
export function monthNumber(ym: string): number {
  const m = /^(\d{4})-(\d{2})$/.exec(ym);
  if (!m) throw new RangeError(`expected a month written YYYY-MM, got ${JSON.stringify(ym)}`);
  const month = Number(m[2]);
  if (month < 1 || month > 12) throw new RangeError(`month out of range in ${ym}`);
  return Number(m[1]) * 12 + (month - 1);
}

export function monthLabel(n: number): string {
  const y = Math.floor(n / 12);
  const m = n - y * 12 + 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}

/** The simulated months from `start` to `end`, both included. */
export class Calendar {
  readonly first: number;
  readonly length: number;

  constructor(start: string, end: string) {
    this.first = monthNumber(start);
    const last = monthNumber(end);
    if (last < this.first) throw new RangeError(`calendar: end ${end} is before start ${start}`);
    this.length = last - this.first + 1;
  }

  /** Month index of a YYYY-MM month; may be outside [0, length) for months off the calendar. */
  index(ym: string): number {
    return monthNumber(ym) - this.first;
  }

  label(index: number): string {
    return monthLabel(this.first + index);
  }

  /** Indices [from, to] of a window clipped to the calendar; empty when they do not overlap. */
  window(from: string, to: string): { from: number; to: number } {
    return { from: Math.max(0, this.index(from)), to: Math.min(this.length - 1, this.index(to)) };
  }
}
