/**
 * Growable typed-array columns for the platform's pools (donors' pledges, links, families,
 * overdue deliveries), which start empty and grow month by month. A table keeps its columns
 * in step: `add()` returns the new row's index, growing every column by doubling.
 */
export type Column = Float64Array | Int32Array | Uint8Array;

export class ColumnTable<C extends Record<string, Column>> {
  length = 0;
  private capacity: number;

  constructor(public cols: C, initialCapacity = 64) {
    this.capacity = initialCapacity;
    for (const k of Object.keys(cols) as (keyof C)[]) {
      const Ctor = cols[k].constructor as new (n: number) => Column;
      (this.cols as Record<keyof C, Column>)[k] = new Ctor(initialCapacity);
    }
  }

  /** Appends a row of zeros and returns its index; columns may be reallocated, so re-read `cols` after. */
  add(): number {
    if (this.length === this.capacity) {
      this.capacity *= 2;
      for (const k of Object.keys(this.cols) as (keyof C)[]) {
        const old = this.cols[k];
        const Ctor = old.constructor as new (n: number) => Column;
        const grown = new Ctor(this.capacity);
        grown.set(old as never);
        (this.cols as Record<keyof C, Column>)[k] = grown;
      }
    }
    return this.length++;
  }
}

export function f64(): Float64Array {
  return new Float64Array(0);
}
export function i32(): Int32Array {
  return new Int32Array(0);
}
export function u8(): Uint8Array {
  return new Uint8Array(0);
}
