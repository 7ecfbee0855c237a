/**
 * Collects per-step values until the next flush, so progress crosses the worker boundary a
 * few times a second as typed arrays, never as one message per step.
 */
export class StepRecorder<Name extends string> {
  private pending: Record<Name, number[]>;
  private firstIdx = 0;
  private recorded = 0;
  private lastFlushMs = -Infinity;

  constructor(
    private readonly names: readonly Name[],
    /** Longest wait between flushes; 100 ms gives ~10 messages per second. */
    private readonly flushEveryMs = 100,
  ) {
    this.pending = this.empty();
  }

  /** Steps recorded so far, flushed or not. */
  get count(): number {
    return this.recorded;
  }

  push(values: Record<Name, number>): void {
    for (const name of this.names) this.pending[name].push(values[name]);
    this.recorded += 1;
  }

  /** Whether enough time has passed since the last flush. */
  due(nowMs: number): boolean {
    return nowMs - this.lastFlushMs >= this.flushEveryMs;
  }

  /** The values recorded since the last flush, and the index of the first; null when none. */
  flush(nowMs: number): { fromIdx: number; values: Record<Name, number[]> } | null {
    this.lastFlushMs = nowMs;
    if (this.recorded === this.firstIdx) return null;
    const chunk = { fromIdx: this.firstIdx, values: this.pending };
    this.pending = this.empty();
    this.firstIdx = this.recorded;
    return chunk;
  }

  private empty(): Record<Name, number[]> {
    return Object.fromEntries(this.names.map((name) => [name, []])) as unknown as Record<
      Name,
      number[]
    >;
  }
}
