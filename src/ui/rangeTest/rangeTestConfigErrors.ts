import type { z } from 'zod';
import { NUM_ITER_RANGE, rangeTestConfigSchema, type RangeTestConfig } from '../../core';
import { formatCount } from '../format';

export type RangeTestConfigErrors = Partial<Record<keyof RangeTestConfig, string>>;

/**
 * The sweep panel's words for what the core's schema refuses, per field: the rule and its
 * limits are the core's, only the sentence (in the panel's labels) is written here.
 */
const SENTENCES: Partial<Record<keyof RangeTestConfig, (issue: z.core.$ZodIssue) => string>> = {
  startLr: () => 'Start LR must be above 0.',
  endLr: () => 'End LR must be above Start LR.',
  numIter: (issue) =>
    issue.code === 'too_big'
      ? `Use at most ${formatCount(NUM_ITER_RANGE.max)} iterations.`
      : issue.code === 'too_small'
        ? `Use at least ${NUM_ITER_RANGE.min} iterations.`
        : 'Use a whole number of iterations.',
  divergeFactor: () => 'Stop at must be above 1 × best.',
};

/** What is wrong with a sweep, per field (empty when it can run). */
export function rangeTestConfigErrors(config: RangeTestConfig): RangeTestConfigErrors {
  const parsed = rangeTestConfigSchema.safeParse(config);
  const errors: RangeTestConfigErrors = {};
  if (parsed.success) return errors;
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof RangeTestConfig;
    errors[field] ??= SENTENCES[field]?.(issue) ?? `${String(field)} ${issue.message}.`;
  }
  return errors;
}
