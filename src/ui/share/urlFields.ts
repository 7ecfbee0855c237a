import { z } from 'zod';
import {
  OPTIMIZER_NAMES,
  RANGE_TEST_MODES,
  RUN_LENGTH_UNITS,
  oneOf,
  runLengthSchema,
  sessionConfigSchema,
} from '../../core';
import type { RangeTestConfig, RunLength } from '../../worker/contract';
import { rangeTestConfigErrors } from '../rangeTest/rangeTestConfigErrors';
import { BATCH_SIZES, MAX_SMOOTHING, RATIO_RANGE } from '../sessionChoices';
import { MODEL_PRESETS, type ModelPreset } from '../sessionChoices';
import { quoted, type LinkRejection } from './linkRejection';
import type { RangeTestView, SessionSettings } from './shareConfig';

/**
 * The table of a link's settings outside the schedule: one URL parameter per field, read with
 * the core's schema for that field, and the rules between fields as the forms state them. A
 * field's text is only turned into a number or boolean here; what values it may take is the
 * core's (or, for choices, the page's) rule.
 */

const numberText = z.string().transform((text, ctx) => {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a finite number (got ${quoted(text)})`,
    });
    return z.NEVER;
  }
  return value;
});
const booleanText = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((text) => text === 'true');

interface Field<T> {
  param: string;
  parse: z.ZodType<T, string>;
}

/** One part of the configuration: a parameter per field, and the rules between its fields. */
export interface Group<T> {
  /** What messages call the whole part. */
  name: string;
  fields: { [K in keyof T]-?: Field<T[K]> };
  /** The fields that break a rule across fields, with why. */
  conflicts?: (value: T) => Partial<Record<keyof T, string>>;
}

const session = sessionConfigSchema.shape;

/** The session's fields but its optimizer's options, which `optimizerParams.ts` reads. */
export const sessionGroup: Group<Omit<SessionSettings, 'optimizerOptions'>> = {
  name: 'session',
  fields: {
    dataset: { param: 'dataset', parse: session.dataset },
    modelPreset: { param: 'model', parse: oneOf(Object.keys(MODEL_PRESETS) as ModelPreset[]) },
    optimizer: { param: 'optimizer', parse: oneOf(OPTIMIZER_NAMES) },
    batchSize: {
      param: 'batchSize',
      // The page's choices, a subset of what the engine takes.
      parse: numberText.pipe(
        session.batchSize.refine((size) => BATCH_SIZES.includes(size), {
          error: `must be one of ${BATCH_SIZES.join(', ')}`,
        }),
      ),
    },
    seed: { param: 'seed', parse: numberText.pipe(session.seed) },
    augment: { param: 'augment', parse: booleanText },
  },
};

export const rangeTestGroup: Group<RangeTestConfig> = {
  name: 'range test sweep',
  fields: {
    startLr: { param: 'rangeTest.startLr', parse: numberText },
    endLr: { param: 'rangeTest.endLr', parse: numberText },
    numIter: { param: 'rangeTest.numIter', parse: numberText },
    mode: { param: 'rangeTest.mode', parse: oneOf(RANGE_TEST_MODES) },
    divergeFactor: { param: 'rangeTest.divergeFactor', parse: numberText },
    heldOutBatch: { param: 'rangeTest.heldOutBatch', parse: booleanText },
    repeats: { param: 'rangeTest.repeats', parse: numberText },
    reinitWeights: { param: 'rangeTest.reinitWeights', parse: booleanText },
  },
  // The sweep panel's words for the core's rules, so a link says what the panel would.
  conflicts: (config) => {
    const errors = rangeTestConfigErrors(config);
    for (const key of Object.keys(errors) as (keyof RangeTestConfig)[]) {
      errors[key] = errors[key]?.replace(/\.$/, '');
    }
    return errors;
  },
};

export const rangeTestViewGroup: Group<RangeTestView> = {
  name: 'range test view',
  fields: {
    ratio: {
      param: 'ratio',
      parse: numberText.pipe(
        z
          .number()
          .min(RATIO_RANGE.min, `must be at least ${RATIO_RANGE.min}`)
          .max(RATIO_RANGE.max, `must be at most ${RATIO_RANGE.max}`)
          .multipleOf(RATIO_RANGE.step, `must be a multiple of ${RATIO_RANGE.step}`),
      ),
    },
    smoothing: {
      param: 'smoothing',
      parse: numberText.pipe(
        z
          .number()
          .min(0, 'must be at least 0')
          .max(MAX_SMOOTHING, `must be at most ${MAX_SMOOTHING}`),
      ),
    },
  },
};

export const trainingGroup: Group<RunLength> = {
  name: 'run length',
  fields: {
    value: { param: 'trainFor', parse: numberText.pipe(runLengthSchema.shape.value) },
    unit: { param: 'trainUnit', parse: oneOf(RUN_LENGTH_UNITS) },
  },
  conflicts: (length) => {
    const parsed = runLengthSchema.safeParse(length);
    const errors: Partial<Record<keyof RunLength, string>> = {};
    for (const issue of parsed.error?.issues ?? []) {
      errors[issue.path[0] as keyof RunLength] ??= issue.message;
    }
    return errors;
  },
};

function keysOf<T>(group: Group<T>): (keyof T)[] {
  return Object.keys(group.fields) as (keyof T)[];
}

/** The parameters a group writes. */
export function paramsOf<T>(group: Group<T>): string[] {
  return keysOf(group).map((key) => group.fields[key].param);
}

export function encodeGroup<T>(params: URLSearchParams, group: Group<T>, value: T): void {
  for (const key of keysOf(group)) params.set(group.fields[key].param, String(value[key]));
}

/**
 * A group's fields from the parameters: a part the link does not mention is the default,
 * silently; a field it gets wrong is the default, with a rejection naming it.
 */
export function decodeGroup<T extends object>(
  params: URLSearchParams,
  group: Group<T>,
  defaults: T,
  rejections: LinkRejection[],
): T {
  const keys = keysOf(group);
  if (!keys.some((key) => params.has(group.fields[key].param))) return defaults;
  const value = { ...defaults };
  const rejected = new Set<keyof T>();
  const reject = (key: keyof T, reason: string) => {
    rejected.add(key);
    rejections.push({
      field: group.fields[key].param,
      reason,
      fallback: `using ${String(defaults[key])}`,
    });
    value[key] = defaults[key];
  };
  for (const key of keys) {
    const text = params.get(group.fields[key].param);
    if (text === null) {
      reject(key, 'is missing');
      continue;
    }
    const parsed = group.fields[key].parse.safeParse(text);
    if (parsed.success) value[key] = parsed.data;
    else reject(key, parsed.error.issues[0].message);
  }
  const conflicts: Partial<Record<keyof T, string>> = group.conflicts?.(value) ?? {};
  for (const key of keys) {
    const reason = conflicts[key];
    // A field already put back to its default is not to blame; the group falls back below.
    if (reason !== undefined && !rejected.has(key)) reject(key, reason);
  }
  const left = group.conflicts?.(value) ?? {};
  if (Object.keys(left).length === 0) return value;
  rejections.push({
    field: group.name,
    reason: 'its settings contradict each other',
    fallback: `using the default ${group.name}`,
  });
  return defaults;
}
