import {
  safeParseScheduleSpec,
  scheduleSpecShapeError,
  type ScheduleSpec,
  type SchedulePolicy,
  type ScheduleSpecError,
  type WsdShape,
} from '../../core';

/**
 * What the schedule form holds: every field of every policy, so switching policy keeps what
 * the user typed. It may be invalid; `draftToSpec` turns it into a spec or a field error.
 */
export interface ScheduleDraft {
  policy: SchedulePolicy;
  lr: number;
  baseLr: number;
  maxLr: number;
  minLr: number;
  stepSize: number;
  /** null: the same as stepSize (a symmetric cycle). */
  stepSizeDown: number | null;
  gamma: number;
  period: number;
  periodMult: number;
  totalSteps: number;
  pctStart: number;
  divFactor: number;
  finalDivFactor: number;
  anneal: 'cos' | 'linear';
  threePhase: boolean;
  cycleMomentum: boolean;
  baseMomentum: number;
  maxMomentum: number;
  warmupSteps: number;
  stableSteps: number;
  decaySteps: number;
  warmupType: WsdShape;
  decayType: WsdShape;
  minLrRatio: number;
}

export type DraftField = Exclude<keyof ScheduleDraft, 'policy'>;

const CYCLIC_FIELDS: readonly DraftField[] = [
  'baseLr',
  'maxLr',
  'stepSize',
  'stepSizeDown',
  'cycleMomentum',
  'baseMomentum',
  'maxMomentum',
];

/** The form fields each policy uses, in display order. */
export const POLICY_FIELDS: Record<SchedulePolicy, readonly DraftField[]> = {
  fixed: ['lr'],
  step: ['lr', 'stepSize', 'gamma'],
  exp: ['lr', 'gamma'],
  triangular: CYCLIC_FIELDS,
  triangular2: CYCLIC_FIELDS,
  exp_range: [...CYCLIC_FIELDS.slice(0, 4), 'gamma', ...CYCLIC_FIELDS.slice(4)],
  cosine_restarts: ['maxLr', 'minLr', 'period', 'periodMult'],
  one_cycle: [
    'maxLr',
    'totalSteps',
    'pctStart',
    'divFactor',
    'finalDivFactor',
    'anneal',
    'threePhase',
    'cycleMomentum',
    'baseMomentum',
    'maxMomentum',
  ],
  cosine: ['maxLr', 'minLr', 'totalSteps'],
  wsd: [
    'maxLr',
    'warmupSteps',
    'stableSteps',
    'decaySteps',
    'warmupType',
    'decayType',
    'minLrRatio',
  ],
};

/** Momentum bounds only matter when momentum is cycled. */
export function visibleFields(draft: ScheduleDraft): DraftField[] {
  return POLICY_FIELDS[draft.policy].filter(
    (field) => draft.cycleMomentum || (field !== 'baseMomentum' && field !== 'maxMomentum'),
  );
}

/** The default: a triangular cycle on MNIST-sized bounds, half an epoch up and half down. */
export const DEFAULT_DRAFT: ScheduleDraft = {
  policy: 'triangular',
  lr: 0.01,
  baseLr: 0.01,
  maxLr: 0.04,
  minLr: 0,
  stepSize: 430,
  stepSizeDown: null,
  gamma: 0.999,
  period: 860,
  periodMult: 2,
  totalSteps: 2580,
  pctStart: 0.3,
  divFactor: 25,
  finalDivFactor: 1e4,
  anneal: 'cos',
  threePhase: false,
  cycleMomentum: false,
  baseMomentum: 0.85,
  maxMomentum: 0.95,
  // Three MNIST epochs: a 10 % warm-up of the first epoch, and the 1-sqrt cooldown over the
  // last 20 % that Hägele et al. (2024) found best.
  warmupSteps: 86,
  stableSteps: 1978,
  decaySteps: 516,
  warmupType: 'linear',
  decayType: '1-sqrt',
  minLrRatio: 0,
};

/** The spec JSON a draft stands for: only its policy's fields. */
export function draftToJson(draft: ScheduleDraft): Record<string, unknown> {
  const json: Record<string, unknown> = { policy: draft.policy };
  for (const field of visibleFields(draft)) {
    const value = draft[field];
    if (value !== null) json[field] = value;
  }
  return json;
}

/** Validates a draft with the core's parser. */
export function draftToSpec(
  draft: ScheduleDraft,
): { ok: true; spec: ScheduleSpec } | { ok: false; error: ScheduleSpecError } {
  return safeParseScheduleSpec(draftToJson(draft));
}

/**
 * The draft that shows a valid spec; fields the spec lacks keep `base`'s values. A spec that
 * does not cycle momentum says nothing about its bounds, so the draft keeps base's.
 */
export function specToDraft(spec: ScheduleSpec, base: ScheduleDraft): ScheduleDraft {
  const draft: ScheduleDraft = { ...base, ...spec, stepSizeDown: null };
  if ('stepSizeDown' in spec && spec.stepSizeDown !== undefined) {
    draft.stepSizeDown = spec.stepSizeDown;
  }
  if (!('cycleMomentum' in spec && spec.cycleMomentum)) {
    draft.baseMomentum = base.baseMomentum;
    draft.maxMomentum = base.maxMomentum;
  }
  return draft;
}

function withStepSizeDown(spec: ScheduleSpec): Partial<ScheduleDraft> {
  return 'stepSizeDown' in spec && spec.stepSizeDown !== undefined
    ? { stepSizeDown: spec.stepSizeDown }
    : {};
}

/**
 * Loads a spec's JSON into a draft without judging its values, so a spec with, say,
 * baseLr > maxLr shows the message at the Base LR field. Returns an error string when the
 * JSON cannot be a draft at all (not an object, unknown policy or field, wrong type): the
 * core's schema decides which.
 */
export function jsonToDraft(json: unknown, base: ScheduleDraft): ScheduleDraft | string {
  const parsed = safeParseScheduleSpec(json);
  if (parsed.ok)
    return { ...base, ...parsed.spec, stepSizeDown: null, ...withStepSizeDown(parsed.spec) };
  const shape = scheduleSpecShapeError(json);
  if (shape) return shape.message;
  const fields = json as Partial<ScheduleDraft>;
  return { ...base, ...fields, stepSizeDown: fields.stepSizeDown ?? null };
}
