import { z } from 'zod';
import { cycleAt, isCyclic } from '../cycles';
import type { ScheduleSpec } from '../scheduleSpec';
import { oneOf } from './oneOf';

export const RUN_LENGTH_UNITS = ['epochs', 'iterations', 'cycles'] as const;

/** How long a training run lasts: epochs may be fractional, iterations and cycles are counts. */
export const runLengthSchema = z
  .object({
    unit: oneOf(RUN_LENGTH_UNITS),
    value: z.number().positive('must be greater than 0'),
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

/** A run of cycles longer than this many steps is refused rather than scanned forever. */
export const MAX_RUN_ITERATIONS = 10_000_000;

/**
 * How many steps a run of `length` lasts: epochs rounded to whole steps, iterations as they
 * are, cycles by counting cycle ends. Null when the cycles never end within `maxIterations`
 * steps (or the schedule has none).
 */
export function runIterations(
  spec: ScheduleSpec,
  length: RunLength,
  iterationsPerEpoch: number,
  maxIterations = MAX_RUN_ITERATIONS,
): number | null {
  if (length.unit === 'epochs') return Math.round(length.value * iterationsPerEpoch);
  if (length.unit === 'iterations') return length.value;
  if (!isCyclic(spec)) return null;
  let ends = 0;
  for (let k = 0; k < maxIterations; k++) {
    if (cycleAt(spec, k).isCycleEnd && ++ends === length.value) return k + 1;
  }
  return null;
}
