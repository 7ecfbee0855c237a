import type { DraftField } from './scheduleDraft';

/** How a schedule field is edited: a log slider with a number box, a number box, a checkbox or a choice. */
export type FieldKind =
  | { kind: 'log'; min: number; max: number; integer?: boolean; fineDecades?: number }
  | { kind: 'number'; min?: number; max?: number; step?: number; integer?: boolean }
  | { kind: 'optionalInteger' }
  | { kind: 'boolean' }
  | { kind: 'anneal' }
  | { kind: 'wsdShape' };

export interface FieldInfo {
  /** The visible label, which is also the control's accessible name. */
  label: string;
  edit: FieldKind;
  /** One line under the field: what it does. */
  hint: string;
}

/** LR sliders span two decades around the value, for fine control; the box takes any LR. */
const LR_RANGE = { kind: 'log', min: 1e-6, max: 10, fineDecades: 2 } as const;

export const FIELD_INFO: Record<DraftField, FieldInfo> = {
  lr: { label: 'LR', edit: LR_RANGE, hint: 'The LR at iteration 0 (the only one for Fixed).' },
  baseLr: { label: 'Base LR', edit: LR_RANGE, hint: 'The lowest LR of each cycle.' },
  maxLr: {
    label: 'Max LR',
    edit: LR_RANGE,
    hint: "Each cycle's peak LR (slider: ±1 decade).",
  },
  minLr: {
    label: 'Min LR',
    edit: { kind: 'number', min: 0, step: 1e-4 },
    hint: 'The LR each cosine period falls to before a restart.',
  },
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
  gamma: {
    label: 'Gamma',
    edit: { kind: 'number', min: 0, step: 0.0001 },
    hint: 'Multiplies the LR (or the cycle amplitude) per step size or per iteration.',
  },
  period: {
    label: 'Period',
    edit: { kind: 'log', min: 1, max: 20_000, integer: true },
    hint: 'Iterations before the first warm restart.',
  },
  periodMult: {
    label: 'Period multiplier',
    edit: { kind: 'number', min: 1, step: 1, integer: true },
    hint: 'Each period is this many times the one before (1: all equal).',
  },
  totalSteps: {
    label: 'Total steps',
    edit: { kind: 'log', min: 2, max: 100_000, integer: true },
    hint: 'Iterations of the whole cycle; follows the run length unless you set it.',
  },
  pctStart: {
    label: 'Warm-up fraction',
    edit: { kind: 'number', min: 0, max: 1, step: 0.05 },
    hint: 'Share of Total steps spent rising to Max LR.',
  },
  divFactor: {
    label: 'Div factor',
    edit: { kind: 'number', min: 1, step: 1 },
    hint: 'The start LR is Max LR divided by this.',
  },
  finalDivFactor: {
    label: 'Final div factor',
    edit: { kind: 'number', min: 1, step: 100 },
    hint: 'The last LR is the start LR divided by this.',
  },
  anneal: { label: 'Anneal', edit: { kind: 'anneal' }, hint: 'The shape of each rise and fall.' },
  threePhase: {
    label: 'Three phase',
    edit: { kind: 'boolean' },
    hint: 'Fall back to the start LR symmetrically, then anneal to the last LR.',
  },
  cycleMomentum: {
    label: 'Cycle momentum',
    edit: { kind: 'boolean' },
    hint: 'Momentum (or Adam β1) moves opposite to the LR.',
  },
  baseMomentum: {
    label: 'Base momentum',
    edit: { kind: 'number', min: 0, max: 0.999, step: 0.01 },
    hint: 'Momentum at the LR peak.',
  },
  maxMomentum: {
    label: 'Max momentum',
    edit: { kind: 'number', min: 0, max: 0.999, step: 0.01 },
    hint: 'Momentum at the LR low point.',
  },
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
  warmupType: {
    label: 'Warm-up shape',
    edit: { kind: 'wsdShape' },
    hint: 'How the LR climbs to Max LR: linear (the usual), cosine or 1-sqrt.',
  },
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
