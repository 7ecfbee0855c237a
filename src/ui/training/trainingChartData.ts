import {
  changedCycleEnds,
  isCyclic,
  MAX_RUN_ITERATIONS,
  runIterations,
  schedulePreview,
  type ScheduleChange,
  type ScheduleSpec,
} from '../../core';
import type { RunLength } from '../../worker/contract';
import { MAX_CHART_POINTS } from '../charts/downsample';
import type { XYSeries } from '../charts/seriesGeometry';

/** Past this many cycles, boundary lines and shading would only add noise. */
const MAX_CYCLE_MARKS = 60;
/** A preview scans no further for the end of a run of "cycles" (the schedule explorer's limit). */
const MAX_PLANNED_ITERATIONS = 200_000;

/**
 * The schedule's planned LR (and momentum, when cycled) over the first n steps; with the
 * changes a run has had, each step follows the spec in force there.
 */
export function previewSeries(
  spec: ScheduleSpec,
  n: number,
  maxPoints = MAX_CHART_POINTS,
  changes: readonly ScheduleChange[] = [],
): { lr: XYSeries; momentum: XYSeries | null } {
  const preview = schedulePreview(spec, n, maxPoints, changes);
  return {
    lr: { xs: preview.steps, ys: preview.lr },
    momentum: preview.momentum ? { xs: preview.steps, ys: preview.momentum } : null,
  };
}

/** How many steps a run of `length` will last, as the engine counts them (`runIterations`). */
export function plannedIterations(
  spec: ScheduleSpec,
  length: RunLength,
  iterationsPerEpoch: number,
): number {
  // A schedule without cycles never ends a run of cycles (the engine refuses it): show an epoch.
  const fallback = isCyclic(spec) ? MAX_PLANNED_ITERATIONS : iterationsPerEpoch;
  return runIterations(spec, length, iterationsPerEpoch, MAX_PLANNED_ITERATIONS) ?? fallback;
}

/**
 * The steps where a new cycle begins within [0, n) (each piece of a changed run judged by its
 * own spec), or none when there are more than `maxMarks` to draw (the scan stops there, so a
 * long run of short cycles costs little).
 */
export function cycleBoundaries(
  spec: ScheduleSpec,
  n: number,
  maxMarks = MAX_CYCLE_MARKS,
  changes: readonly ScheduleChange[] = [],
): number[] {
  if (changes.length === 0 && !isCyclic(spec)) return [];
  // No run is longer than MAX_RUN_ITERATIONS, so neither is the scan (an imported n may be).
  const ends = changedCycleEnds(spec, changes, Math.min(n - 1, MAX_RUN_ITERATIONS), maxMarks);
  return ends.length > maxMarks ? [] : ends.map((k) => k + 1);
}
