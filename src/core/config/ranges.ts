import { z } from 'zod';

/**
 * The values a user can meaningfully ask for, in one place: links, forms, imports and the
 * engine read them through the schemas, so all four reject the same things with the same words.
 * Past these, numbers stop meaning anything (an LR of 5e-324 divides to Infinity, a step size of
 * 1e308 is no cycle at all) and loops over a plan stop ending.
 */

/** Learning rates: eight decades below any useful rate, four above (the engine's own divergence test sweeps to 1e4). */
export const LR_RANGE = { min: 1e-8, max: 1e4 } as const;

/** The longest run, in steps: about 100 hours at a fast 3 steps per second. */
export const MAX_RUN_ITERATIONS = 1_000_000;

/** Seeds are 32-bit: the data order's generator repeats itself above 2^32 − 1. */
export const SEED_RANGE = { min: 0, max: 2 ** 32 - 1 } as const;

const lrRangeText = `between ${LR_RANGE.min} and ${LR_RANGE.max}`;

/** A learning rate inside LR_RANGE. */
export const lrNumber = z
  .number()
  // One message per bad value: a negative LR is "greater than 0", not also "between".
  .positive({ message: 'must be greater than 0', abort: true })
  .min(LR_RANGE.min, { message: `must be ${lrRangeText}`, abort: true })
  .max(LR_RANGE.max, `must be ${lrRangeText}`);

/** A count of steps (a step size, a period, a run's steps): 1 … MAX_RUN_ITERATIONS, whole. */
export const stepCount = z
  .number()
  .int({ message: 'must be a whole number', abort: true })
  .min(1, { message: 'must be at least 1', abort: true })
  .max(MAX_RUN_ITERATIONS, `must be at most ${MAX_RUN_ITERATIONS}`);

/** A length in steps that may be fractional (a triangular half cycle): 0 < x ≤ MAX_RUN_ITERATIONS. */
export const stepLength = z
  .number()
  .positive({ message: 'must be greater than 0', abort: true })
  .max(MAX_RUN_ITERATIONS, `must be at most ${MAX_RUN_ITERATIONS}`);
