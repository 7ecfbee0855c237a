import { z } from 'zod';
import { oneOf } from './oneOf';
import {
  OPTIMIZER_NAMES,
  OPTIONS_OF,
  foreignOptions,
  optimizerOptionsSchema,
} from './optimizerOptions';
import { SEED_RANGE } from './ranges';

export { OPTIMIZER_NAMES };

/** Every dataset the engine loads from its own assets or code. */
export const DATASET_NAMES = ['mnist', 'fashion-mnist', 'synthetic'] as const;
export type BuiltInDatasetName = (typeof DATASET_NAMES)[number];

/** A dataset the user imported, kept in their browser, by its id: `imported:<id>`. */
export type ImportedDatasetName = `imported:${string}`;
const IMPORTED_NAME = /^imported:[\w-]{1,64}$/;

/** Whether `name` names an imported dataset (which the page must hand to the engine). */
export function isImportedDatasetName(name: string): name is ImportedDatasetName {
  return IMPORTED_NAME.test(name);
}

const datasetSchema = z.custom<BuiltInDatasetName | ImportedDatasetName>(
  (value) =>
    typeof value === 'string' &&
    ((DATASET_NAMES as readonly string[]).includes(value) || isImportedDatasetName(value)),
  {
    error: (issue) =>
      issue.input === undefined
        ? 'is missing'
        : `must be one of ${DATASET_NAMES.join(', ')} or imported:<id> (got ${JSON.stringify(issue.input)})`,
  },
);

/** Past this a batch of 28×28 images no longer fits a phone's GPU memory. */
const MAX_BATCH_SIZE = 4096;

/** The model's options (DESIGN.md "Model options"). */
const modelOptionsSchema = z.object({
  /** Scales the 16/32/64 channel and unit counts. */
  widthMultiplier: z.number().positive('must be greater than 0'),
  batchNorm: z.boolean(),
  // Inverted dropout divides by 1 - rate: a rate of 1 would divide by zero.
  dropoutRate: z.number().min(0, 'must be at least 0').lt(1, 'must be less than 1'),
});

/** Everything that fixes a run's starting point: the same config gives the same weights and data order. */
export const sessionConfigSchema = z
  .object({
    dataset: datasetSchema,
    model: modelOptionsSchema,
    optimizer: oneOf(OPTIMIZER_NAMES),
    batchSize: z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(MAX_BATCH_SIZE, `must be at most ${MAX_BATCH_SIZE}`),
    seed: z
      .number()
      .int('must be a whole number')
      .min(SEED_RANGE.min, `must be at least ${SEED_RANGE.min}`)
      .max(SEED_RANGE.max, `must be at most ${SEED_RANGE.max} (seeds are 32-bit)`),
    /** Random shifts of up to ±2 pixels. */
    augment: z.boolean(),
    /** The optimizer's own settings; absent ones (and absent options, as in older links) are its defaults. */
    optimizerOptions: optimizerOptionsSchema.optional(),
  })
  .superRefine((config, ctx) => {
    for (const name of foreignOptions(config.optimizer, config.optimizerOptions ?? {})) {
      ctx.addIssue({
        code: 'custom',
        path: ['optimizerOptions', name],
        message: `is not an option of ${config.optimizer} (its options: ${OPTIONS_OF[config.optimizer].join(', ')})`,
      });
    }
  });

export type SessionConfig = z.output<typeof sessionConfigSchema>;
export type DatasetName = SessionConfig['dataset'];
export type OptimizerName = SessionConfig['optimizer'];
