import type { ScheduleChange } from './config/scheduleChanges';
import type { ScheduleSpec } from './scheduleSpec';

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

/** The steps [from, to) each spec of a changed run sets, in order; empty pieces are left out. */
export function schedulePieces(
  initial: ScheduleSpec,
  changes: readonly ScheduleChange[],
  n: number,
): { from: number; to: number; spec: ScheduleSpec }[] {
  const pieces: { from: number; to: number; spec: ScheduleSpec }[] = [];
  let from = 0;
  let spec = initial;
  for (const change of changes) {
    const to = Math.min(n, change.iteration);
    if (to > from) pieces.push({ from, to, spec });
    from = Math.max(from, to);
    spec = change.spec;
  }
  if (n > from) pieces.push({ from, to: n, spec });
  return pieces;
}
