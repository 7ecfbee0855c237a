import { z } from 'zod';
import { oneOf } from './oneOf';
import { lrNumber } from './ranges';

export const RANGE_TEST_MODES = ['exp', 'linear'] as const;

/**
 * Steps a sweep may take. Fewer than 10 leave nothing for the suggestions to smooth; the
 * picks' valley search is quadratic in the steps, so past 5000 a re-pick costs frames.
 */
export const NUM_ITER_RANGE = { min: 10, max: 5000 } as const;

/** How many sweeps a repeated range test may take, each with its own seed. */
export const RANGE_TEST_REPEATS = [1, 3, 5, 10] as const;

/** A range test's sweep: the LR from startLr to endLr over numIter steps, and when it stops. */
export const rangeTestConfigSchema = z
  .object({
    startLr: lrNumber,
    endLr: lrNumber,
    numIter: z
      .number()
      .int('must be a whole number')
      .min(NUM_ITER_RANGE.min, `must be at least ${NUM_ITER_RANGE.min}`)
      .max(NUM_ITER_RANGE.max, `must be at most ${NUM_ITER_RANGE.max}`),
    mode: oneOf(RANGE_TEST_MODES),
    /** Stop when the smoothed loss exceeds this × its best (fastai: 4). */
    divergeFactor: z.number().gt(1, 'must be greater than 1'),
    /** Also measure loss and accuracy on a fixed held-out batch at every step (slower). */
    heldOutBatch: z.boolean(),
    /** Sweeps from the same weights, each with another seed for data order and dropout. */
    repeats: z
      .number()
      .refine((n) => (RANGE_TEST_REPEATS as readonly number[]).includes(n), {
        error: `must be one of ${RANGE_TEST_REPEATS.join(', ')}`,
      })
      .default(1),
    /** Repeats after the first also start from new initial weights (another init seed). */
    reinitWeights: z.boolean().default(false),
  })
  .superRefine((config, ctx) => {
    if (!(config.endLr > config.startLr)) {
      ctx.addIssue({
        code: 'custom',
        path: ['endLr'],
        message: `must be above startLr (${config.startLr})`,
      });
    }
  });

export type RangeTestConfig = z.output<typeof rangeTestConfigSchema>;

/** The sweep a fresh page offers: seven decades, fastai's stop at 4 × best. */
export const DEFAULT_RANGE_TEST: RangeTestConfig = {
  startLr: 1e-5,
  endLr: 10,
  numIter: 100,
  mode: 'exp',
  divergeFactor: 4,
  heldOutBatch: false,
  repeats: 1,
  reinitWeights: false,
};
