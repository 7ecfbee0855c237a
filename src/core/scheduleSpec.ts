import { z } from 'zod';
import { LR_RANGE, MAX_RUN_ITERATIONS, lrNumber, stepCount, stepLength } from './config/ranges';
import { valueAt } from './valueAt';

/**
 * The schedule spec: one JSON format for config, URL state, export, import and tests
 * (golden/README.md). A discriminated union on `policy`; every optional field is filled
 * with the reference's default (PyTorch's; Transformers' for `wsd`) by `parseScheduleSpec`,
 * so a parsed spec is complete.
 */

// Ranges (config/ranges.ts): an LR, a count of steps, a length in steps.
const lr = lrNumber;
const momentum = z.number().min(0, 'must be at least 0').lt(1, 'must be less than 1');
const positiveInt = stepCount;

const fixedSchema = z.object({ policy: z.literal('fixed'), lr }).strict();

const stepSchema = z
  .object({
    policy: z.literal('step'),
    lr,
    stepSize: positiveInt,
    gamma: z.number().positive('must be greater than 0'),
  })
  .strict();

const expSchema = z
  .object({ policy: z.literal('exp'), lr, gamma: z.number().positive('must be greater than 0') })
  .strict();

const cyclicFields = {
  baseLr: lr,
  maxLr: lr,
  stepSize: stepLength,
  stepSizeDown: stepLength.optional(),
  cycleMomentum: z.boolean().default(false),
  baseMomentum: momentum.default(0.8),
  maxMomentum: momentum.default(0.9),
};

const triangularSchema = z.object({ policy: z.literal('triangular'), ...cyclicFields }).strict();
const triangular2Schema = z.object({ policy: z.literal('triangular2'), ...cyclicFields }).strict();
const expRangeSchema = z
  .object({
    policy: z.literal('exp_range'),
    ...cyclicFields,
    gamma: z
      .number()
      .positive('must be greater than 0')
      .max(1, 'must be at most 1 (the cycle amplitude decays)')
      .default(1),
  })
  .strict();

const cosineRestartsSchema = z
  .object({
    policy: z.literal('cosine_restarts'),
    maxLr: lr,
    minLr: z
      .number()
      .min(0, 'must be at least 0')
      .max(LR_RANGE.max, `must be at most ${LR_RANGE.max}`)
      .default(0),
    period: positiveInt,
    periodMult: positiveInt.default(1),
  })
  .strict();

const oneCycleSchema = z
  .object({
    policy: z.literal('one_cycle'),
    maxLr: lr,
    totalSteps: positiveInt,
    pctStart: z.number().gt(0, 'must be greater than 0').lt(1, 'must be less than 1').default(0.3),
    divFactor: z.number().positive('must be greater than 0').default(25),
    finalDivFactor: z.number().positive('must be greater than 0').default(1e4),
    anneal: z.enum(['cos', 'linear']).default('cos'),
    threePhase: z.boolean().default(false),
    cycleMomentum: z.boolean().default(false),
    baseMomentum: momentum.default(0.85),
    maxMomentum: momentum.default(0.95),
  })
  .strict();

const cosineSchema = z
  .object({
    policy: z.literal('cosine'),
    maxLr: lr,
    minLr: z.number().min(0, 'must be at least 0').default(0),
    totalSteps: positiveInt,
  })
  .strict();

/** A WSD phase may be empty (0 steps). */
const phaseSteps = z
  .number()
  .int('must be a whole number')
  .min(0, 'must be at least 0')
  .max(MAX_RUN_ITERATIONS, `must be at most ${MAX_RUN_ITERATIONS}`);
/** The shapes of Transformers' `get_wsd_schedule` warm-up and decay. */
export const WSD_SHAPES = ['linear', 'cosine', '1-sqrt'] as const;

const wsdSchema = z
  .object({
    policy: z.literal('wsd'),
    maxLr: lr,
    warmupSteps: phaseSteps,
    stableSteps: phaseSteps,
    decaySteps: phaseSteps,
    warmupType: z.enum(WSD_SHAPES).default('linear'),
    decayType: z.enum(WSD_SHAPES).default('cosine'),
    minLrRatio: z.number().min(0, 'must be at least 0').max(1, 'must be at most 1').default(0),
  })
  .strict();

const scheduleSpecSchema = z
  .discriminatedUnion('policy', [
    fixedSchema,
    stepSchema,
    expSchema,
    triangularSchema,
    triangular2Schema,
    expRangeSchema,
    cosineRestartsSchema,
    oneCycleSchema,
    cosineSchema,
    wsdSchema,
  ])
  .superRefine((spec, ctx) => {
    if ('baseLr' in spec && spec.baseLr > spec.maxLr) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseLr'],
        message: `must not exceed maxLr (${spec.baseLr} > ${spec.maxLr})`,
      });
    }
    if ('minLr' in spec && spec.minLr > spec.maxLr) {
      ctx.addIssue({
        code: 'custom',
        path: ['minLr'],
        message: `must not exceed maxLr (${spec.minLr} > ${spec.maxLr})`,
      });
    }
    if ('baseMomentum' in spec && spec.baseMomentum > spec.maxMomentum) {
      ctx.addIssue({
        code: 'custom',
        path: ['baseMomentum'],
        message: `must not exceed maxMomentum (${spec.baseMomentum} > ${spec.maxMomentum})`,
      });
    }
    if (spec.policy === 'one_cycle' && spec.pctStart * spec.totalSteps === 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['pctStart'],
        message: 'times totalSteps must not be exactly 1 (the warm-up phase would have no length)',
      });
    }
    if (spec.policy === 'wsd' && spec.warmupSteps + spec.stableSteps + spec.decaySteps === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['stableSteps'],
        message:
          'warmupSteps + stableSteps + decaySteps must be at least 1 (the schedule has no length)',
      });
    }
    if (spec.policy === 'one_cycle' && spec.threePhase && spec.pctStart >= 0.5) {
      ctx.addIssue({
        code: 'custom',
        path: ['pctStart'],
        message: 'must be less than 0.5 with threePhase (the two warm-up phases take 2·pctStart)',
      });
    }
  });

export type ScheduleSpec = z.output<typeof scheduleSpecSchema>;
export type SchedulePolicy = ScheduleSpec['policy'];
export type CyclicSpec = Extract<
  ScheduleSpec,
  { policy: 'triangular' | 'triangular2' | 'exp_range' }
>;
export type OneCycleSpec = Extract<ScheduleSpec, { policy: 'one_cycle' }>;
export type CosineRestartsSpec = Extract<ScheduleSpec, { policy: 'cosine_restarts' }>;
export type WsdSpec = Extract<ScheduleSpec, { policy: 'wsd' }>;
export type WsdShape = WsdSpec['warmupType'];

export const SCHEDULE_POLICIES: readonly SchedulePolicy[] = [
  'fixed',
  'step',
  'exp',
  'triangular',
  'triangular2',
  'exp_range',
  'cosine_restarts',
  'one_cycle',
  'cosine',
  'wsd',
];

/** Why a spec was rejected: `field` names the offending field ('' for the whole spec). */
export class ScheduleSpecError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(field ? `${field}: ${reason}` : reason);
    this.name = 'ScheduleSpecError';
  }
}

function describeIssue(issue: z.core.$ZodIssue, input: unknown): ScheduleSpecError {
  const field = issue.path.map(String).join('.');
  const value = valueAt(input, issue.path);
  if (issue.code === 'invalid_union' || (issue.code === 'invalid_value' && field === 'policy')) {
    return new ScheduleSpecError(
      'policy',
      `unknown policy ${JSON.stringify(value)}; expected one of ${SCHEDULE_POLICIES.join(', ')}`,
    );
  }
  if (issue.code === 'unrecognized_keys') {
    return new ScheduleSpecError(issue.keys.join(', '), 'is not a field of this policy');
  }
  if (value === undefined && issue.code === 'invalid_type') {
    return new ScheduleSpecError(field, 'is missing');
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return new ScheduleSpecError(field, `must be a finite number (got ${value})`);
  }
  // `int` is an invalid_type too, with a message of its own.
  if (issue.code === 'invalid_type' && ['number', 'boolean', 'string'].includes(issue.expected)) {
    return new ScheduleSpecError(
      field,
      `must be a ${issue.expected} (got ${JSON.stringify(value)})`,
    );
  }
  return new ScheduleSpecError(field, issue.message);
}

/** Validates any JSON value as a schedule spec and fills PyTorch's defaults; throws ScheduleSpecError. */
export function parseScheduleSpec(json: unknown): ScheduleSpec {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ScheduleSpecError('', 'a schedule spec must be a JSON object');
  }
  if (!('policy' in json)) throw new ScheduleSpecError('policy', 'is missing');
  const result = scheduleSpecSchema.safeParse(json);
  if (!result.success) throw describeIssue(result.error.issues[0], json);
  return result.data;
}

/** Like parseScheduleSpec, but returns the error instead of throwing (for forms and URLs). */
export function safeParseScheduleSpec(
  json: unknown,
): { ok: true; spec: ScheduleSpec } | { ok: false; error: ScheduleSpecError } {
  try {
    return { ok: true, spec: parseScheduleSpec(json) };
  } catch (error) {
    if (error instanceof ScheduleSpecError) return { ok: false, error };
    throw error;
  }
}

/** Issues about what a spec is made of rather than what its values are. */
const SHAPE_CODES = new Set([
  'invalid_type',
  'unrecognized_keys',
  'invalid_union',
  'invalid_value',
]);

/**
 * Why JSON does not have a spec's shape (an object with a known policy and only that policy's
 * fields, each of the right type), or null when it has, whatever its values: a form can load
 * such JSON and show each bad value at its field.
 */
export function scheduleSpecShapeError(json: unknown): ScheduleSpecError | null {
  const parsed = safeParseScheduleSpec(json);
  if (parsed.ok) return null;
  if (typeof json !== 'object' || json === null || Array.isArray(json) || !('policy' in json)) {
    return parsed.error;
  }
  const issues = scheduleSpecSchema.safeParse(json).error?.issues ?? [];
  const shape = issues.find((issue) => SHAPE_CODES.has(issue.code));
  return shape ? describeIssue(shape, json) : null;
}
