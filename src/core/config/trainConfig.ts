import { z } from 'zod';
import { isCyclic } from '../cycles';
import { safeParseScheduleSpec, type ScheduleSpec } from '../scheduleSpec';
import { runLengthSchema } from './runLength';

/** Snapshots kept for the ensemble, at most (each costs validation count × classes floats). */
export const MAX_SNAPSHOTS = 20;

/** A schedule spec as a field of a larger config: the core's parser judges it, naming its field. */
export const scheduleSpecField = z.unknown().transform((value, ctx): ScheduleSpec => {
  const parsed = safeParseScheduleSpec(value);
  if (parsed.ok) return parsed.spec;
  ctx.addIssue({
    code: 'custom',
    message: parsed.error.reason,
    path: parsed.error.field ? parsed.error.field.split('.') : [],
  });
  return z.NEVER;
});

/** One training run: its schedule, length, validation cadence, snapshots and final test. */
export const trainConfigSchema = z
  .object({
    schedule: scheduleSpecField,
    length: runLengthSchema,
    /** Validate every this many iterations (and at every cycle end, and at the end). */
    validateEvery: z.number().int('must be a whole number').min(1, 'must be at least 1'),
    /** Weight snapshots kept for the ensemble (one per cycle end, oldest dropped first). */
    maxSnapshots: z
      .number()
      .int('must be a whole number')
      .min(0, 'must be at least 0')
      .max(MAX_SNAPSHOTS, `must be at most ${MAX_SNAPSHOTS}`),
    /** Measure test-set accuracy once the run ends. */
    testAtEnd: z.boolean(),
  })
  .superRefine(({ schedule, length }, ctx) => {
    if (schedule && length?.unit === 'cycles' && !isCyclic(schedule)) {
      ctx.addIssue({
        code: 'custom',
        path: ['length', 'unit'],
        message: `must not be cycles: a ${schedule.policy} schedule has no cycles`,
      });
    }
  });

export type TrainConfig = z.output<typeof trainConfigSchema>;
