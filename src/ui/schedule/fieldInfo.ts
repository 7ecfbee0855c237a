import type { DraftField } from './scheduleDraft';

/** How a schedule field is edited: a log slider with a number box, a number box, a checkbox or a choice. */
export type FieldKind =
  | { kind: 'log'; min: number; max: number; integer?: boolean }
  | { kind: 'number'; min?: number; max?: number; step?: number; integer?: boolean }
  | { kind: 'optionalInteger' }
  | { kind: 'boolean' }
  | { kind: 'anneal' }
  | { kind: 'wsdShape' };

export interface FieldInfo {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  edit: FieldKind;
  hint?: string;
}

const LR_RANGE = { kind: 'log', min: 1e-6, max: 10 } as const;

export const FIELD_INFO: Record<DraftField, FieldInfo> = {
  lr: { label: 'LR', edit: LR_RANGE },
  baseLr: { label: 'Base LR', edit: LR_RANGE, hint: 'The lowest LR of each cycle.' },
  maxLr: { label: 'Max LR', edit: LR_RANGE, hint: 'The peak LR of each cycle.' },
  minLr: { label: 'Min LR', edit: { kind: 'number', min: 0, step: 1e-4 } },
  stepSize: {
    label: 'Step size',
    edit: { kind: 'log', min: 1, max: 20_000, integer: true },
    hint: 'Iterations in half a cycle (the rising half).',
  },
  stepSizeDown: {
    label: 'Step size down',
    edit: { kind: 'optionalInteger' },
    hint: 'Iterations of the falling half; empty for a symmetric cycle.',
  },
  gamma: { label: 'Gamma', edit: { kind: 'number', min: 0, step: 0.0001 } },
  period: {
    label: 'Period',
    edit: { kind: 'log', min: 1, max: 20_000, integer: true },
    hint: 'Iterations before the first warm restart.',
  },
  periodMult: {
    label: 'Period multiplier',
    edit: { kind: 'number', min: 1, step: 1, integer: true },
  },
  totalSteps: {
    label: 'Total steps',
    edit: { kind: 'log', min: 2, max: 100_000, integer: true },
  },
  pctStart: { label: 'Warm-up fraction', edit: { kind: 'number', min: 0, max: 1, step: 0.05 } },
  divFactor: { label: 'Div factor', edit: { kind: 'number', min: 1, step: 1 } },
  finalDivFactor: { label: 'Final div factor', edit: { kind: 'number', min: 1, step: 100 } },
  anneal: { label: 'Anneal', edit: { kind: 'anneal' } },
  threePhase: { label: 'Three phase', edit: { kind: 'boolean' } },
  cycleMomentum: {
    label: 'Cycle momentum',
    edit: { kind: 'boolean' },
    hint: 'Momentum (or Adam β1) moves opposite to the LR.',
  },
  baseMomentum: {
    label: 'Base momentum',
    edit: { kind: 'number', min: 0, max: 0.999, step: 0.01 },
  },
  maxMomentum: { label: 'Max momentum', edit: { kind: 'number', min: 0, max: 0.999, step: 0.01 } },
  warmupSteps: {
    label: 'Warm-up steps',
    edit: { kind: 'number', min: 0, step: 1, integer: true },
    hint: 'Iterations rising to Max LR.',
  },
  stableSteps: {
    label: 'Stable steps',
    edit: { kind: 'number', min: 0, step: 1, integer: true },
    hint: 'Iterations at Max LR; extend them to train longer without changing the rest.',
  },
  decaySteps: {
    label: 'Decay steps',
    edit: { kind: 'number', min: 0, step: 1, integer: true },
    hint: 'Iterations of the cooldown.',
  },
  warmupType: { label: 'Warm-up shape', edit: { kind: 'wsdShape' } },
  decayType: {
    label: 'Decay shape',
    edit: { kind: 'wsdShape' },
    hint: '1-sqrt is the cooldown Hägele et al. (2024) found best.',
  },
  minLrRatio: {
    label: 'Min LR ratio',
    edit: { kind: 'number', min: 0, max: 1, step: 0.01 },
    hint: 'The LR after the decay, as a fraction of Max LR.',
  },
};

/** Display names of the policies, for the Policy selector. */
export const POLICY_LABELS = {
  fixed: 'Fixed',
  step: 'Step decay',
  exp: 'Exponential decay',
  triangular: 'Triangular (CLR)',
  triangular2: 'Triangular2 (CLR, halving)',
  exp_range: 'Exp range (CLR, decaying)',
  cosine_restarts: 'SGDR (cosine warm restarts)',
  one_cycle: 'One-cycle',
  cosine: 'Cosine annealing',
  wsd: 'Warm-up–stable–decay (WSD)',
} as const;
