import type { RunLength } from './config/runLength';
import { cycleAt, isCyclic } from './cycles';
import type { ScheduleSpec } from './scheduleSpec';
import { specInForce, type ScheduleChange } from './scheduleInForce';

/**
 * How many steps a run lasts when its schedule was changed along the way: a run of cycles
 * counts the cycle ends of each piece under the spec in force there (the old spec's ends
 * before a change, the new spec's after), so changing the step size mid-run changes when it
 * ends. Epochs and iterations do not depend on the schedule. Null when the run takes more than
 * `maxIterations` steps, or the spec in force at the end has no cycles.
 */
export function changedRunIterations(
  initial: ScheduleSpec,
  changes: readonly ScheduleChange[],
  length: RunLength,
  iterationsPerEpoch: number,
  maxIterations: number,
): number | null {
  if (length.unit !== 'cycles') {
    const n =
      length.unit === 'epochs' ? Math.round(length.value * iterationsPerEpoch) : length.value;
    return n <= maxIterations ? n : null;
  }
  let ends = 0;
  let spec = initial;
  let nextChangeIdx = 0;
  for (let k = 0; k < maxIterations; k++) {
    if (nextChangeIdx < changes.length && changes[nextChangeIdx].iteration === k) {
      spec = changes[nextChangeIdx].spec;
      nextChangeIdx += 1;
    }
    if (nextChangeIdx === changes.length && !isCyclic(spec)) return null;
    if (isCyclic(spec) && cycleAt(spec, k).isCycleEnd && ++ends === length.value) return k + 1;
  }
  return null;
}

/**
 * The steps of [0, n) after which a cycle of a changed run ends (each piece judged by its own
 * spec), stopping once more than `maxMarks` are found.
 */
export function changedCycleEnds(
  initial: ScheduleSpec,
  changes: readonly ScheduleChange[],
  n: number,
  maxMarks: number,
): number[] {
  const ends: number[] = [];
  for (let k = 0; k < n; k++) {
    const spec = changes.length === 0 ? initial : specInForce(initial, changes, k);
    if (!isCyclic(spec) || !cycleAt(spec, k).isCycleEnd) continue;
    ends.push(k);
    if (ends.length > maxMarks) break;
  }
  return ends;
}
