import { z } from 'zod';
import type { ScheduleChange } from '../scheduleInForce';
import { scheduleSpecField } from './scheduleSpecField';

export type { ScheduleChange };

/** The changes of one run, as recorded, stored, exported and imported: oldest first, one per step. */
export const scheduleChangesSchema = z
  .array(
    z.object({
      iteration: z.number().int('must be a whole number').min(0, 'must be at least 0'),
      spec: scheduleSpecField,
    }),
  )
  .superRefine((changes, ctx) => {
    for (let i = 1; i < changes.length; i++) {
      if (changes[i].iteration <= changes[i - 1].iteration) {
        ctx.addIssue({
          code: 'custom',
          path: [i, 'iteration'],
          message: `must be after the previous change's (${changes[i - 1].iteration})`,
        });
      }
    }
  });
