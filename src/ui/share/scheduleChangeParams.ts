import {
  MAX_PLANNED_CHANGES,
  scheduleChangesSchema,
  type ScheduleChange,
  type ScheduleSpec,
} from '../../core';
import type { ScheduleDraft } from '../schedule/scheduleDraft';
import type { LinkRejection } from './linkRejection';
import { compactSpec, SPEC_PARAMS, specValue } from './scheduleParams';

/**
 * A run's mid-run schedule changes in a link, one parameter per changed field, named for the
 * iteration it took effect at: `change.120.maxLr=0.1` (the spec before it, with Max LR 0.1,
 * from iteration 120 on). A change of policy writes the new spec whole, `policy` first. The
 * link's schedule is where the run started, so the link says exactly what was used.
 */

const PREFIX = 'change.';
const NAME = /^change\.(\d+)\.(\w+)$/;

/** Whether a parameter is one of a link's schedule changes (or tries to be). */
export function isChangeParam(name: string): boolean {
  return name.startsWith(PREFIX);
}

/** What `next` changes of `previous`, as spec fields; the whole spec when the policy changes. */
function changedFields(previous: ScheduleSpec, next: ScheduleSpec): Record<string, unknown> {
  const whole = compactSpec(next);
  if (previous.policy !== next.policy) return whole;
  const before = previous as Record<string, unknown>;
  const after = next as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(compactSpec(previous)), ...Object.keys(whole)])) {
    if (Object.is(before[key], after[key])) continue;
    // A field the new spec leaves out cannot be written as a change: write it whole.
    if (after[key] === undefined) return whole;
    fields[key] = after[key];
  }
  return Object.keys(fields).length > 0 ? fields : whole;
}

/** Writes each change as the fields it changes of the spec before it. */
export function encodeScheduleChanges(
  params: URLSearchParams,
  initial: ScheduleSpec,
  changes: readonly ScheduleChange[],
): void {
  let previous = initial;
  for (const { iteration, spec } of changes) {
    for (const [field, value] of Object.entries(changedFields(previous, spec))) {
      params.set(`${PREFIX}${iteration}.${field}`, String(value));
    }
    previous = spec;
  }
}

/**
 * The link's changes of the schedule `initial`, checked as a run's changes are (the core's
 * schema, at most MAX_PLANNED_CHANGES); any fault drops them all, with a rejection naming it.
 */
export function decodeScheduleChanges(
  params: URLSearchParams,
  initial: ScheduleSpec,
  rejections: LinkRejection[],
): ScheduleChange[] {
  const fieldsAt = new Map<number, Record<string, unknown>>();
  const reject = (field: string, reason: string) => {
    rejections.push({ field, reason, fallback: 'training without the changes' });
    return [];
  };
  for (const [name, text] of params) {
    if (!isChangeParam(name)) continue;
    const match = NAME.exec(name);
    const field = match?.[2] as keyof ScheduleDraft | undefined;
    if (!match || !field || !SPEC_PARAMS.includes(field)) {
      return reject(name, 'is not a schedule change (change.<iteration>.<spec field>)');
    }
    const value = specValue(field, text);
    if ('reason' in value) return reject(name, value.reason);
    const iteration = Number(match[1]);
    fieldsAt.set(iteration, { ...fieldsAt.get(iteration), [field]: value.value });
  }
  if (fieldsAt.size === 0) return [];
  if (fieldsAt.size > MAX_PLANNED_CHANGES) {
    return reject('change', `holds ${fieldsAt.size} changes, more than ${MAX_PLANNED_CHANGES}`);
  }
  const iterations = [...fieldsAt.keys()].sort((a, b) => a - b);
  let previous: Record<string, unknown> = compactSpec(initial);
  const raw = iterations.map((iteration) => {
    const fields = fieldsAt.get(iteration) ?? {};
    const spec = 'policy' in fields ? fields : { ...previous, ...fields };
    previous = spec;
    return { iteration, spec };
  });
  const parsed = scheduleChangesSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const [index, , ...field] = issue.path;
  const at = typeof index === 'number' ? iterations[index] : undefined;
  return reject(
    at === undefined ? 'change' : `${PREFIX}${at}${field.length ? `.${field.join('.')}` : ''}`,
    issue.message,
  );
}

/** A change as the message on opening a link lists it: "from iteration 120, maxLr 0.1". */
export function changeWords(previous: ScheduleSpec, change: ScheduleChange): string {
  const fields = Object.entries(changedFields(previous, change.spec))
    .map(([field, value]) => `${field} ${String(value)}`)
    .join(', ');
  return `from iteration ${change.iteration}, ${fields}`;
}
