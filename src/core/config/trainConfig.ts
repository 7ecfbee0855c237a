import { z } from 'zod';
import { isCyclic } from '../cycles';
import { runLengthSchema } from './runLength';
import { scheduleChangesSchema } from './scheduleChanges';
import { scheduleSpecField } from './scheduleSpecField';

/** Snapshots kept for the ensemble, at most (each costs validation count × classes floats). */
export const MAX_SNAPSHOTS = 20;

/** Changes a run may be given to replay, at most (a share link carries no more). */
export const MAX_PLANNED_CHANGES = 100;

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
    /**
     * Changes to make at their iterations, as a shared link's run made them; a change sent
     * during the run ends this replay (the run is the user's from then on).
     */
    plannedChanges: scheduleChangesSchema
      .max(MAX_PLANNED_CHANGES, `must be at most ${MAX_PLANNED_CHANGES} changes`)
      .optional(),
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
