import type { ScheduleSpec } from './scheduleSpec';

/**
 * A schedule change made during a run: from step `iteration` on (0-based, the first step
 * trained under it) the run follows `spec`, still as a function of the absolute iteration.
 */
export interface ScheduleChange {
  iteration: number;
  spec: ScheduleSpec;
}

/**
 * The spec that sets step k of a run that started under `initial` and was changed by
 * `changes` (oldest first): the latest change made at or before k, else the initial spec.
 */
export function specInForce(
  initial: ScheduleSpec,
  changes: readonly ScheduleChange[],
  k: number,
): ScheduleSpec {
  for (let i = changes.length - 1; i >= 0; i--) {
    if (changes[i].iteration <= k) return changes[i].spec;
  }
  return initial;
}
