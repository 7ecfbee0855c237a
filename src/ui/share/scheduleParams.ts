import { safeParseScheduleSpec, type ScheduleSpec } from '../../core';
import { DEFAULT_DRAFT, type ScheduleDraft } from '../schedule/scheduleDraft';
import { quoted, type LinkRejection } from './linkRejection';

/**
 * The schedule in a link, written as the spec's own fields under their spec names rather than
 * as one JSON parameter: the address stays readable and short (JSON would turn into
 * `%7B%22…`), it still reads as the spec, and the fields are put back into exactly the spec's
 * JSON object for the core's parser to judge.
 */

/** Every field a spec can have, under its spec name (the draft holds them all). */
export const SPEC_PARAMS = Object.keys(DEFAULT_DRAFT) as (keyof ScheduleDraft)[];

/** URL text to the JSON value of a spec field; NaN and Infinity pass so the core names them. */
export function specValue(
  field: keyof ScheduleDraft,
  text: string,
): { value: unknown } | { reason: string } {
  const kind = typeof DEFAULT_DRAFT[field];
  if (kind === 'string') return { value: text };
  if (kind === 'boolean') {
    return text === 'true' || text === 'false'
      ? { value: text === 'true' }
      : { reason: `must be true or false (got ${quoted(text)})` };
  }
  const value = Number(text);
  const notNumber = text.trim() === '' || (Number.isNaN(value) && text.trim() !== 'NaN');
  return notNumber ? { reason: `must be a number (got ${quoted(text)})` } : { value };
}

/** The core's reason for a field the spec's policy does not have. */
const NOT_OF_THIS_POLICY = 'is not a field of this policy';

/** The link's schedule; if the core rejects it, the whole schedule is `fallback`. */
export function decodeSchedule(
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
  // Without a policy the link changes the fallback's fields (`?maxLr=0.05`), not a new spec.
  if (!('policy' in json)) {
    const merged = safeParseScheduleSpec({ ...compactSpec(fallback), ...json });
    if (merged.ok) return merged.spec;
    // A value out of range (`?stepSize=1e308`) is named with its reason.
    const { field, reason } = merged.error;
    const ours = field.split(', ').some((name) => name in json);
    if (ours && reason !== NOT_OF_THIS_POLICY) return reject(field, reason);
    // Fields of another policy, with its name left out: the policy is what is missing.
    return reject(
      'policy',
      `is missing, and without it ${present.join(', ')} cannot be read (the default policy, ${fallback.policy}, has no such field)`,
    );
  }
  const parsed = safeParseScheduleSpec(json);
  return parsed.ok ? parsed.spec : reject(parsed.error.field, parsed.error.reason);
}

/** Whether two specs set the same fields to the same values (in any order). */
export function sameSpec(a: ScheduleSpec, b: ScheduleSpec): boolean {
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
