import { z } from 'zod';
import { safeParseScheduleSpec, type ScheduleSpec } from '../../core';
import type { BackendName, RangeTestConfig, RunLength } from '../../worker/contract';
import { rangeTestConfigErrors } from '../rangeTest/RangeTestSettings';
import { DEFAULT_DRAFT, type ScheduleDraft } from '../schedule/scheduleDraft';
import {
  BACKEND_NAMES,
  BATCH_SIZES,
  DATASET_NAMES,
  MAX_SMOOTHING,
  MODEL_PRESETS,
  OPTIMIZER_NAMES,
  RATIO_RANGE,
  type ModelPreset,
} from '../sessionChoices';
import type { LinkRejection } from './linkRejection';
import type { RangeTestView, SessionSettings, ShareConfig } from './shareConfig';

/**
 * The configuration as URL query parameters, one per field, e.g.
 * `?dataset=mnist&…&policy=triangular&baseLr=0.016&maxLr=0.066&stepSize=430&…&trainUnit=epochs`.
 *
 * The schedule is written as the spec's own fields under their spec names rather than as one
 * JSON parameter: the address stays readable and short (JSON would turn into `%7B%22…`), it
 * still reads as the spec, and the fields are put back into exactly the spec's JSON object for
 * the core's parser to judge. The other settings are checked with zod, field by field, so the
 * valid parts of a damaged link are kept.
 */

export interface DecodedLink {
  config: ShareConfig;
  rejections: LinkRejection[];
}

const numberText = z.string().transform((text, ctx) => {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(value)) {
    ctx.addIssue({
      code: 'custom',
      message: `must be a finite number (got ${JSON.stringify(text)})`,
    });
    return z.NEVER;
  }
  return value;
});
const positiveText = numberText.pipe(z.number().positive('must be greater than 0'));
const wholeText = numberText.pipe(z.number().int('must be a whole number'));
const booleanText = z
  .enum(['true', 'false'], { error: 'must be true or false' })
  .transform((text) => text === 'true');

function oneOf<const T extends readonly string[]>(values: T) {
  return z.enum(values, {
    error: (issue) => `must be one of ${values.join(', ')} (got ${JSON.stringify(issue.input)})`,
  });
}

interface Field<T> {
  param: string;
  parse: z.ZodType<T, string>;
}

/** One part of the configuration: a parameter per field, and the rules between its fields. */
interface Group<T> {
  /** What messages call the whole part. */
  name: string;
  fields: { [K in keyof T]-?: Field<T[K]> };
  /** The fields that break a rule across fields, with why. */
  conflicts?: (value: T) => Partial<Record<keyof T, string>>;
}

const sessionGroup: Group<SessionSettings> = {
  name: 'session',
  fields: {
    dataset: { param: 'dataset', parse: oneOf(DATASET_NAMES) },
    modelPreset: { param: 'model', parse: oneOf(Object.keys(MODEL_PRESETS) as ModelPreset[]) },
    optimizer: { param: 'optimizer', parse: oneOf(OPTIMIZER_NAMES) },
    batchSize: {
      param: 'batchSize',
      parse: numberText.pipe(
        z.number().refine((size) => BATCH_SIZES.includes(size), {
          error: `must be one of ${BATCH_SIZES.join(', ')}`,
        }),
      ),
    },
    seed: { param: 'seed', parse: wholeText },
    augment: { param: 'augment', parse: booleanText },
  },
};

const rangeTestGroup: Group<RangeTestConfig> = {
  name: 'range test sweep',
  fields: {
    startLr: { param: 'rangeTest.startLr', parse: positiveText },
    endLr: { param: 'rangeTest.endLr', parse: positiveText },
    numIter: { param: 'rangeTest.numIter', parse: wholeText },
    mode: { param: 'rangeTest.mode', parse: oneOf(['exp', 'linear']) },
    divergeFactor: { param: 'rangeTest.divergeFactor', parse: numberText },
    heldOutBatch: { param: 'rangeTest.heldOutBatch', parse: booleanText },
  },
  // The sweep panel's own rules, so a link never sets a sweep the panel would refuse to run.
  conflicts: (config) => {
    const errors = rangeTestConfigErrors(config);
    for (const key of Object.keys(errors) as (keyof RangeTestConfig)[]) {
      errors[key] = errors[key]?.replace(/\.$/, '');
    }
    return errors;
  },
};

const rangeTestViewGroup: Group<RangeTestView> = {
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

const trainingGroup: Group<RunLength> = {
  name: 'run length',
  fields: {
    value: { param: 'trainFor', parse: positiveText },
    unit: { param: 'trainUnit', parse: oneOf(['epochs', 'iterations', 'cycles']) },
  },
  conflicts: ({ unit, value }) =>
    unit !== 'epochs' && !Number.isInteger(value)
      ? { value: `must be a whole number of ${unit}` }
      : {},
};

/** Every field a spec can have, under its spec name (the draft holds them all). */
const SPEC_PARAMS = Object.keys(DEFAULT_DRAFT) as (keyof ScheduleDraft)[];

const GROUP_PARAMS = [sessionGroup, rangeTestGroup, rangeTestViewGroup, trainingGroup].flatMap(
  (group) => Object.values<Field<unknown>>(group.fields).map((field) => field.param),
);

/** Every parameter this page writes; any other parameter in the address is kept as it is. */
const OWN_PARAMS = new Set<string>([...GROUP_PARAMS, ...SPEC_PARAMS, 'backend', 'controls']);

function keysOf<T>(group: Group<T>): (keyof T)[] {
  return Object.keys(group.fields) as (keyof T)[];
}

function encodeGroup<T>(params: URLSearchParams, group: Group<T>, value: T): void {
  for (const key of keysOf(group)) params.set(group.fields[key].param, String(value[key]));
}

function decodeGroup<T extends object>(
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

/** URL text to the JSON value of a spec field; NaN and Infinity pass so the core names them. */
function specValue(
  field: keyof ScheduleDraft,
  text: string,
): { value: unknown } | { reason: string } {
  const kind = typeof DEFAULT_DRAFT[field];
  if (kind === 'string') return { value: text };
  if (kind === 'boolean') {
    return text === 'true' || text === 'false'
      ? { value: text === 'true' }
      : { reason: `must be true or false (got ${JSON.stringify(text)})` };
  }
  const value = Number(text);
  const notNumber = text.trim() === '' || (Number.isNaN(value) && text.trim() !== 'NaN');
  return notNumber ? { reason: `must be a number (got ${JSON.stringify(text)})` } : { value };
}

function decodeSchedule(
  params: URLSearchParams,
  fallback: ScheduleSpec,
  rejections: LinkRejection[],
): ScheduleSpec {
  const present = SPEC_PARAMS.filter((field) => params.has(field));
  if (present.length === 0) return fallback;
  const reject = (fields: string, reason: string) => {
    const named = fields ? fields.split(', ').map((field) => `schedule.${field}`) : ['schedule'];
    rejections.push({ field: named.join(', '), reason, fallback: 'using the default schedule' });
    return fallback;
  };
  const json: Record<string, unknown> = {};
  for (const field of present) {
    const converted = specValue(field, params.get(field) ?? '');
    if ('reason' in converted) return reject(field, converted.reason);
    json[field] = converted.value;
  }
  const parsed = safeParseScheduleSpec(json);
  return parsed.ok ? parsed.spec : reject(parsed.error.field, parsed.error.reason);
}

function sameSpec(a: ScheduleSpec, b: ScheduleSpec): boolean {
  const entriesOf = (spec: ScheduleSpec) =>
    Object.entries(spec).filter(([, value]) => value !== undefined);
  const left = entriesOf(a);
  const right = new Map(entriesOf(b));
  return (
    left.length === right.size && left.every(([key, value]) => Object.is(value, right.get(key)))
  );
}

/** The spec without the fields the core's parser would fill in with the same value. */
export function compactSpec(spec: ScheduleSpec): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(spec)) if (value !== undefined) json[key] = value;
  for (const key of Object.keys(json)) {
    if (key === 'policy') continue;
    const without = { ...json };
    delete without[key];
    const parsed = safeParseScheduleSpec(without);
    if (parsed.ok && sameSpec(parsed.spec, spec)) delete json[key];
  }
  return json;
}

/** The configuration as query parameters, in a fixed order: session, schedule, sweep, view, length. */
export function encodeShareQuery(config: ShareConfig): URLSearchParams {
  const params = new URLSearchParams();
  encodeGroup(params, sessionGroup, config.session);
  for (const [field, value] of Object.entries(compactSpec(config.schedule))) {
    params.set(field, String(value));
  }
  encodeGroup(params, rangeTestGroup, config.rangeTest);
  encodeGroup(params, rangeTestViewGroup, config.rangeTestView);
  encodeGroup(params, trainingGroup, config.training);
  return params;
}

/**
 * Reads a configuration from query parameters. A part the link does not mention is the
 * default, silently; a field it gets wrong is the default, with a rejection naming it. The
 * schedule is one spec: if the core rejects it, the whole schedule is the default.
 */
export function decodeShareQuery(params: URLSearchParams, defaults: ShareConfig): DecodedLink {
  const rejections: LinkRejection[] = [];
  const config: ShareConfig = {
    session: decodeGroup(params, sessionGroup, defaults.session, rejections),
    schedule: decodeSchedule(params, defaults.schedule, rejections),
    rangeTest: decodeGroup(params, rangeTestGroup, defaults.rangeTest, rejections),
    rangeTestView: decodeGroup(params, rangeTestViewGroup, defaults.rangeTestView, rejections),
    training: decodeGroup(params, trainingGroup, defaults.training, rejections),
  };
  return { config, rejections };
}

/** How the page is shown and run here, next to the configuration in its address. */
export interface PageOptions {
  backend: BackendName | 'auto';
  controlsHidden: boolean;
}

/**
 * Checks the page's own parameters: `controls=hidden` and `backend=` (which the session slice
 * reads at start-up; an unknown backend is reported here rather than dropped silently).
 */
export function decodePageParams(params: URLSearchParams): {
  controlsHidden: boolean;
  rejections: LinkRejection[];
} {
  const rejections: LinkRejection[] = [];
  const controls = params.get('controls');
  if (controls !== null && controls !== 'hidden' && controls !== 'shown') {
    rejections.push({
      field: 'controls',
      reason: `must be hidden or shown (got ${JSON.stringify(controls)})`,
      fallback: 'showing the controls',
    });
  }
  const backend = params.get('backend');
  if (backend !== null && !(BACKEND_NAMES as readonly string[]).includes(backend)) {
    rejections.push({
      field: 'backend',
      reason: `must be one of ${BACKEND_NAMES.join(', ')} (got ${JSON.stringify(backend)})`,
      fallback: 'using the best available backend',
    });
  }
  return { controlsHidden: controls === 'hidden', rejections };
}

/** The page's query: the configuration, then the page options, then anyone else's parameters. */
export function pageQuery(
  config: ShareConfig,
  options: PageOptions,
  current: URLSearchParams,
): string {
  const params = encodeShareQuery(config);
  if (options.backend !== 'auto') params.set('backend', options.backend);
  if (options.controlsHidden) params.set('controls', 'hidden');
  for (const [name, value] of current) if (!OWN_PARAMS.has(name)) params.append(name, value);
  return params.toString();
}
