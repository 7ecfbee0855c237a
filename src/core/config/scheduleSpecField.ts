import { z } from 'zod';
import { safeParseScheduleSpec, type ScheduleSpec } from '../scheduleSpec';

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
