import {
  cycleAt,
  isCyclic,
  MAX_RUN_ITERATIONS,
  runIterations,
  schedulePreview,
  type ScheduleSpec,
} from '../../core';
import type { RunLength } from '../../worker/contract';
import { MAX_CHART_POINTS } from '../charts/downsample';
import type { XYSeries } from '../charts/seriesGeometry';

/** Past this many cycles, boundary lines and shading would only add noise. */
const MAX_CYCLE_MARKS = 60;
/** A preview scans no further for the end of a run of "cycles" (the schedule explorer's limit). */
const MAX_PLANNED_ITERATIONS = 200_000;

/** The schedule's planned LR (and momentum, when cycled) over the first n steps. */
export function previewSeries(
  spec: ScheduleSpec,
  n: number,
  maxPoints = MAX_CHART_POINTS,
): { lr: XYSeries; momentum: XYSeries | null } {
  const preview = schedulePreview(spec, n, maxPoints);
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
 * The steps where a new cycle begins within [0, n), or none when there are more than
 * `maxMarks` to draw (the scan stops there, so a long run of short cycles costs little).
 */
export function cycleBoundaries(
  spec: ScheduleSpec,
  n: number,
  maxMarks = MAX_CYCLE_MARKS,
): number[] {
  const starts: number[] = [];
  if (!isCyclic(spec)) return starts;
  // No run is longer than MAX_RUN_ITERATIONS, so neither is the scan (an imported n may be).
  const last = Math.min(n - 1, MAX_RUN_ITERATIONS);
  for (let k = 0; k < last; k++) {
    if (!cycleAt(spec, k).isCycleEnd) continue;
    starts.push(k + 1);
    if (starts.length > maxMarks) return [];
  }
  return starts;
}
