import {
  changedRunIterations,
  MAX_RUN_ITERATIONS,
  type RunLength,
  type ScheduleChange,
  type ScheduleSpec,
} from '../../core';

/**
 * The schedule of one training run as it was changed along the way: the spec in force, the
 * changes so far (oldest first, one per step) and the run's length in steps, which a run of
 * cycles recounts after each change.
 */
export class ScheduleLog {
  private readonly changes: ScheduleChange[] = [];
  /** Changes still to replay (a shared link's run), oldest first. */
  private readonly planned: ScheduleChange[];
  private spec: ScheduleSpec;
  private numIterations: number;

  constructor(
    private readonly initial: ScheduleSpec,
    private readonly length: RunLength,
    private readonly iterationsPerEpoch: number,
    planned: readonly ScheduleChange[] = [],
  ) {
    this.planned = [...planned];
    this.spec = initial;
    const total = this.totalWith([]);
    if (total === null) {
      throw new RangeError(
        `train.length: ${length.value} ${length.unit} of this schedule take more than ${MAX_RUN_ITERATIONS} iterations`,
      );
    }
    this.numIterations = total;
  }

  /** The spec that sets the next step. */
  get current(): ScheduleSpec {
    return this.spec;
  }

  /** Steps the run lasts under the schedule as it now stands. */
  get total(): number {
    return this.numIterations;
  }

  get list(): readonly ScheduleChange[] {
    return this.changes;
  }

  /** Why `spec` cannot take over from step k (a run of cycles that would never end), or null. */
  refusal(spec: ScheduleSpec, k: number): string | null {
    if (this.totalWith(this.withChange(spec, k)) !== null) return null;
    return this.length.unit === 'cycles'
      ? `schedule: a run of ${this.length.value} cycles cannot end under this ${spec.policy} schedule within ${MAX_RUN_ITERATIONS} iterations (choose a policy with cycles, or stop and train for epochs or iterations)`
      : `schedule: this run cannot take the ${spec.policy} schedule`;
  }

  /**
   * Makes `spec` the schedule from step k on (a change already made at k is replaced: no step
   * trained under it). False when it would change nothing or `refusal` objects.
   */
  apply(spec: ScheduleSpec, k: number): boolean {
    if (sameSpec(spec, this.spec) || this.refusal(spec, k) !== null) return false;
    const next = this.withChange(spec, k);
    this.changes.splice(0, this.changes.length, ...next);
    this.spec = spec;
    this.numIterations = this.totalWith(next) ?? this.numIterations;
    return true;
  }

  /** The replayed spec due at step k (the latest planned at or before k), taken off the plan. */
  duePlanned(k: number): ScheduleSpec | null {
    let due: ScheduleSpec | null = null;
    while (this.planned.length > 0 && this.planned[0].iteration <= k) {
      due = this.planned.shift()?.spec ?? null;
    }
    return due;
  }

  /** Whether `spec` is the one in force. */
  isCurrent(spec: ScheduleSpec): boolean {
    return sameSpec(spec, this.spec);
  }

  /** Drops what is left of the replay: a change sent during the run makes it the user's. */
  endReplay(): void {
    this.planned.length = 0;
  }

  private withChange(spec: ScheduleSpec, k: number): ScheduleChange[] {
    return [...this.changes.filter((change) => change.iteration < k), { iteration: k, spec }];
  }

  private totalWith(changes: readonly ScheduleChange[]): number | null {
    return changedRunIterations(
      this.initial,
      changes,
      this.length,
      this.iterationsPerEpoch,
      MAX_RUN_ITERATIONS,
    );
  }
}

/** Parsed specs list their fields in the schema's order, so equal specs serialise alike. */
function sameSpec(a: ScheduleSpec, b: ScheduleSpec): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
