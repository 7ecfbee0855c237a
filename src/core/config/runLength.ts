import { z } from 'zod';
import { cycleAt, isCyclic } from '../cycles';
import type { ScheduleSpec } from '../scheduleSpec';
import { oneOf } from './oneOf';
import { MAX_RUN_ITERATIONS } from './ranges';

export const RUN_LENGTH_UNITS = ['epochs', 'iterations', 'cycles'] as const;

/** How long a training run lasts: epochs may be fractional, iterations and cycles are counts. */
export const runLengthSchema = z
  .object({
    unit: oneOf(RUN_LENGTH_UNITS),
    value: z
      .number()
      .positive('must be greater than 0')
      // Every unit is at least a step long, so no run of more units can fit the step cap.
      .max(MAX_RUN_ITERATIONS, `must be at most ${MAX_RUN_ITERATIONS}`),
  })
  .superRefine(({ unit, value }, ctx) => {
    if (unit !== 'epochs' && !Number.isInteger(value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: `must be a whole number of ${unit}`,
      });
    }
  });

export type RunLength = z.output<typeof runLengthSchema>;

/**
 * How many steps a run of `length` lasts: epochs rounded to whole steps, iterations as they
 * are, cycles by counting cycle ends. Null when the run would take more than `maxIterations`
 * steps (or the schedule has no cycles to count).
 */
export function runIterations(
  spec: ScheduleSpec,
  length: RunLength,
  iterationsPerEpoch: number,
  maxIterations = MAX_RUN_ITERATIONS,
): number | null {
  const direct =
    length.unit === 'epochs'
      ? Math.round(length.value * iterationsPerEpoch)
      : length.unit === 'iterations'
        ? length.value
        : null;
  if (direct !== null) return Number.isFinite(direct) && direct <= maxIterations ? direct : null;
  if (!isCyclic(spec)) return null;
  let ends = 0;
  for (let k = 0; k < maxIterations; k++) {
    if (cycleAt(spec, k).isCycleEnd && ++ends === length.value) return k + 1;
  }
  return null;
}
