import { z } from 'zod';
import {
  rangeTestConfigSchema,
  runLengthSchema,
  scheduleChangesSchema,
  scheduleSpecField,
  sessionConfigSchema,
  type ScheduleChange,
  type ScheduleSpec,
} from '../../core';
import { BACKEND_NAMES } from '../sessionChoices';
import type {
  BackendName,
  RangeTestConfig,
  RangeTestStopReason,
  RunLength,
  SessionConfig,
  TestResult,
  TrainStopReason,
  ValidationResult,
} from '../../worker/contract';

/**
 * A kept run: everything a finished (or stopped, diverged, crashed) range test or training run
 * recorded, as it is stored in IndexedDB and written to a JSON export. Series are the full
 * per-step record, index k = the k-th step. Its configs are read with the core's schemas, the
 * same the engine checks them with, so an imported run holds only what could have run.
 */

/**
 * Ends the engine does not report itself: the worker crashed, the command was rejected, or the
 * page went away mid-run (the run's last checkpoint, read back on the next visit).
 */
export type PageStopReason = 'crashed' | 'failed' | 'interrupted';

interface RunBase {
  id: string;
  name: string;
  pinned: boolean;
  /** Drawn over the live run on the charts. */
  shown: boolean;
  /** When the run started (ms since the epoch). */
  startedAt: number;
  /** From start to end, pauses included. */
  wallMs: number;
  samplesPerSec: number;
  /** The backend the engine trained with; null when it was not known. */
  backend: BackendName | null;
  session: SessionConfig;
  message: string;
}

export interface RangeTestRecord extends RunBase {
  kind: 'rangeTest';
  config: RangeTestConfig;
  stopReason: RangeTestStopReason | PageStopReason;
  series: {
    lr: Float64Array;
    loss: Float64Array;
    accuracy: Float64Array;
    /** Present when the test measured a held-out batch. */
    heldOutLoss: Float64Array | null;
    heldOutAccuracy: Float64Array | null;
  };
}

export interface TrainingRecord extends RunBase {
  kind: 'training';
  /** The spec it started with; `scheduleChanges` lists what it was changed to, and from when. */
  schedule: ScheduleSpec;
  scheduleChanges: ScheduleChange[];
  length: RunLength;
  stopReason: TrainStopReason | PageStopReason;
  series: {
    lr: Float64Array;
    /** Present when the schedule cycles momentum. */
    momentum: Float64Array | null;
    loss: Float64Array;
    accuracy: Float64Array;
  };
  validations: ValidationResult[];
  test: TestResult | null;
}

export type RunRecord = RangeTestRecord | TrainingRecord;

/** What names the file format in an export, and its version. */
export const RUN_FILE_FORMAT = 'lr-playground-run';
export const RUN_FILE_VERSION = 1;

const RANGE_TEST_STOPS = [
  'completed',
  'diverged',
  'nonFinite',
  'stopped',
  'crashed',
  'failed',
  'interrupted',
] as const satisfies readonly RangeTestRecord['stopReason'][];
const TRAIN_STOPS = [
  'completed',
  'nonFinite',
  'stopped',
  'cycleEnd',
  'crashed',
  'failed',
  'interrupted',
] as const satisfies readonly TrainingRecord['stopReason'][];

/**
 * Any number, finite or not, as storage holds it (a number) or JSON does (non-finite values — a
 * diverged loss, momentum when it is not cycled — written as "NaN", "Infinity", "-Infinity").
 * zod 4's `z.number()` refuses NaN and ±Infinity, which recording and export both produce: one
 * schema for every measured value, so what was recorded is always read back.
 */
const jsonNumber = z.union(
  [
    z.custom<number>((value) => typeof value === 'number'),
    z.enum(['NaN', 'Infinity', '-Infinity']),
  ],
  { error: 'must be a number (or "NaN", "Infinity", "-Infinity")' },
);
const anyNumber = jsonNumber.transform(Number);

/** How a per-step column is held: a plain array in a file, a Float64Array in storage. */
type Column = z.ZodType<Float64Array, unknown>;

const fileColumn: Column = z
  .array(jsonNumber)
  .transform((values) => Float64Array.from(values, Number));
const storedColumn: Column = z.instanceof(Float64Array, { error: 'must be a Float64Array' });

const validationSchema = z.object({
  type: z.literal('validation'),
  iteration: z.number().int().nonnegative(),
  loss: anyNumber,
  accuracy: anyNumber,
  isCycleEnd: z.boolean(),
  cycleNum: z.number().int(),
  ensembleAccuracy: anyNumber.nullable(),
  ensembleSize: z.number().int().nonnegative(),
  ensembleByM: z.array(anyNumber).default([]),
});

const testSchema = z.object({
  type: z.literal('test'),
  iteration: z.number().int().nonnegative(),
  loss: anyNumber,
  accuracy: anyNumber,
});

function baseShape() {
  return {
    id: z.string().min(1),
    name: z.string(),
    pinned: z.boolean(),
    shown: z.boolean(),
    startedAt: z.number(),
    wallMs: z.number().nonnegative(),
    samplesPerSec: anyNumber,
    backend: z.enum(BACKEND_NAMES).nullable(),
    session: sessionConfigSchema,
    message: z.string(),
  };
}

/** Every column of one run has one value per step. */
function sameLengths(
  series: Record<string, Float64Array | null>,
  ctx: z.core.$RefinementCtx,
): void {
  const steps = series.lr?.length ?? 0;
  for (const [key, column] of Object.entries(series)) {
    if (column && column.length !== steps) {
      ctx.addIssue({
        code: 'custom',
        message: `has ${column.length} values but lr has ${steps}: every column needs one value per step`,
        path: [key],
      });
    }
  }
}

/**
 * A range test's LRs are its sweep's: positive and finite. A 0 or an Infinity there has no place
 * on the log axis the run is drawn on (item 4 of issue 16: it once hung the page on every visit).
 */
function sweptLrs(series: { lr: Float64Array }, ctx: z.core.$RefinementCtx): void {
  const at = series.lr.findIndex((lr) => !(lr > 0 && Number.isFinite(lr)));
  if (at >= 0) {
    ctx.addIssue({
      code: 'custom',
      message: `the LR of step ${at} must be positive and finite for the log axis (got ${series.lr[at]})`,
      path: ['lr', at],
    });
  }
}

/** The record schema with series columns held as `column` describes. */
function recordSchema(column: Column): z.ZodType<RunRecord, unknown> {
  const rangeTest = z.object({
    ...baseShape(),
    kind: z.literal('rangeTest'),
    config: rangeTestConfigSchema,
    stopReason: z.enum(RANGE_TEST_STOPS),
    series: z
      .object({
        lr: column,
        loss: column,
        accuracy: column,
        heldOutLoss: column.nullable(),
        heldOutAccuracy: column.nullable(),
      })
      .superRefine(sameLengths)
      .superRefine(sweptLrs),
  });
  const training = z.object({
    ...baseShape(),
    kind: z.literal('training'),
    schedule: scheduleSpecField,
    // Runs kept before live changes existed had none.
    scheduleChanges: scheduleChangesSchema.default([]),
    length: runLengthSchema,
    stopReason: z.enum(TRAIN_STOPS),
    series: z
      .object({ lr: column, momentum: column.nullable(), loss: column, accuracy: column })
      .superRefine(sameLengths),
    validations: z.array(validationSchema),
    test: testSchema.nullable(),
  });
  return z.discriminatedUnion('kind', [rangeTest, training], {
    error: 'must say its kind: "rangeTest" or "training"',
  });
}

/** A run as it is stored in IndexedDB (typed-array columns). */
export const storedRunSchema = recordSchema(storedColumn);

/** An exported run file: the format's name and version around one run. */
export const runFileSchema = z.object({
  format: z.literal(RUN_FILE_FORMAT, {
    error: `must be "${RUN_FILE_FORMAT}" (this is not an LR Playground run file)`,
  }),
  version: z.literal(RUN_FILE_VERSION, {
    error: `must be ${RUN_FILE_VERSION} (a file from another version of LR Playground)`,
  }),
  run: recordSchema(fileColumn),
});

/** Where and why a value failed its schema, as one line: `run.series.loss.3: must be a number …`. */
export function describeSchemaError(error: z.ZodError): string {
  const issue = error.issues[0];
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

/** Steps the run recorded. */
export function numSteps(record: RunRecord): number {
  return record.series.lr.length;
}
