/**
 * A growable column of numbers, kept outside React: the engine's progress lands here at
 * ~10 Hz and charts read it on their own tick. Doubles its capacity as it fills, so appending
 * 50,000+ steps stays cheap.
 */
export class SeriesBuffer {
  private data: Float64Array;
  private size = 0;

  constructor(initialCapacity = 1024) {
    this.data = new Float64Array(initialCapacity);
  }

  get length(): number {
    return this.size;
  }

  /** The values written so far (a view: valid until the next append). */
  view(): Float64Array {
    return this.data.subarray(0, this.size);
  }

  at(i: number): number {
    return this.data[i];
  }

  /** Writes `values` starting at index `fromIdx` (normally the current length). */
  writeAt(fromIdx: number, values: ArrayLike<number>): void {
    const end = fromIdx + values.length;
    if (end > this.data.length) {
      const grown = new Float64Array(Math.max(end, this.data.length * 2));
      grown.set(this.data.subarray(0, this.size));
      this.data = grown;
    }
    this.data.set(values, fromIdx);
    this.size = Math.max(this.size, end);
  }

  clear(): void {
    this.size = 0;
  }
}
