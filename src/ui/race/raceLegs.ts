import { safeParseScheduleSpec, type ScheduleSpec } from '../../core';
import type { SessionConfig } from '../../worker/contract';
import { formatCount, formatRate } from '../format';
import { POLICY_LEG_IDS, POLICY_LEG_LABELS, type PolicyLegId } from '../sessionChoices';

/**
 * The legs of a race, as pure data: which schedules (or optimizers) run, with which numbers,
 * for how long. Every leg of a race trains the same number of iterations.
 */

/** A race lasts whole epochs or a number of iterations per leg. */
export interface RaceLength {
  unit: 'epochs' | 'iterations';
  value: number;
}

/** The schedule form's numbers a race takes its bounds from. */
export interface RaceBounds {
  baseLr: number;
  maxLr: number;
  /** Iterations per half cycle of the triangular policies. */
  stepSize: number;
}

export interface PolicyLeg {
  id: PolicyLegId;
  label: string;
  /** The leg's schedule in a few words and numbers. */
  detail: string;
  spec: ScheduleSpec;
}

type LegsOrError = { ok: true; legs: PolicyLeg[] } | { ok: false; error: string };

/** exp_range's cycle amplitude shrinks to this fraction by the end of the race. */
const EXP_RANGE_END_SCALE = 0.1;
/** Validations per epoch (fewer when a leg is shorter than an epoch: then per leg). */
const VALIDATIONS_PER_EPOCH = 8;

/** Steps per leg: whole epochs rounded to whole steps. */
export function raceIterations(length: RaceLength, iterationsPerEpoch: number): number {
  return length.unit === 'epochs'
    ? Math.max(1, Math.round(length.value * iterationsPerEpoch))
    : length.value;
}

/** Why a race length cannot run, or null. */
export function raceLengthError(length: RaceLength): string | null {
  if (!(Number.isFinite(length.value) && length.value > 0)) {
    return `The race length must be above 0, got ${length.value}.`;
  }
  if (length.unit === 'iterations' && !Number.isInteger(length.value)) {
    return `The race length in iterations must be a whole number, got ${length.value}.`;
  }
  return null;
}

/** Validate often enough for a curve: 8 times an epoch, or 8 times a leg shorter than that. */
export function raceValidateEvery(iterations: number, iterationsPerEpoch: number): number {
  return Math.max(1, Math.round(Math.min(iterations, iterationsPerEpoch) / VALIDATIONS_PER_EPOCH));
}

/** gamma so that exp_range's amplitude (gamma^k) falls to a tenth by the race's last step. */
export function expRangeGamma(iterations: number): number {
  return Number((EXP_RANGE_END_SCALE ** (1 / iterations)).toPrecision(6));
}

/**
 * The policy race: fixed at max/2 and at max, the three CLR policies between the bounds, SGDR
 * from max down to base with restarts that end on the race's last step, and one-cycle from
 * base up to max and down over exactly the race.
 */
export function policyLegs(
  bounds: RaceBounds,
  iterations: number,
  only: readonly PolicyLegId[] = POLICY_LEG_IDS,
): LegsOrError {
  const { baseLr, maxLr, stepSize } = bounds;
  const cyclic = { baseLr, maxLr, stepSize };
  // Restarts roughly as often as a triangular cycle, rounded so the last one ends the race.
  const numRestarts = Math.max(1, Math.round(iterations / (2 * stepSize)));
  const period = Math.ceil(iterations / numRestarts);
  const gamma = expRangeGamma(iterations);
  const cycle = `${formatRate(baseLr)}–${formatRate(maxLr)}, step ${formatCount(stepSize)}`;
  const drafts: Omit<PolicyLeg, 'spec'>[] = [
    { id: 'fixedHalf', label: POLICY_LEG_LABELS.fixedHalf, detail: `LR ${formatRate(maxLr / 2)}` },
    { id: 'fixedMax', label: POLICY_LEG_LABELS.fixedMax, detail: `LR ${formatRate(maxLr)}` },
    { id: 'triangular', label: POLICY_LEG_LABELS.triangular, detail: cycle },
    { id: 'triangular2', label: POLICY_LEG_LABELS.triangular2, detail: cycle },
    { id: 'exp_range', label: POLICY_LEG_LABELS.exp_range, detail: `${cycle}, γ ${gamma}` },
    {
      id: 'sgdr',
      label: POLICY_LEG_LABELS.sgdr,
      detail: `${formatRate(maxLr)}→${formatRate(baseLr)}, period ${formatCount(period)}`,
    },
    {
      id: 'one_cycle',
      label: POLICY_LEG_LABELS.one_cycle,
      detail: `${formatRate(baseLr)}→${formatRate(maxLr)}→${formatRate(baseLr / 1e4)}`,
    },
  ];
  const specs: Record<PolicyLegId, unknown> = {
    fixedHalf: { policy: 'fixed', lr: maxLr / 2 },
    fixedMax: { policy: 'fixed', lr: maxLr },
    triangular: { policy: 'triangular', ...cyclic },
    triangular2: { policy: 'triangular2', ...cyclic },
    exp_range: { policy: 'exp_range', ...cyclic, gamma },
    sgdr: { policy: 'cosine_restarts', maxLr, minLr: baseLr, period, periodMult: 1 },
    one_cycle: {
      policy: 'one_cycle',
      maxLr,
      totalSteps: iterations,
      divFactor: maxLr / baseLr,
    },
  };
  const legs: PolicyLeg[] = [];
  for (const draft of drafts.filter((leg) => only.includes(leg.id))) {
    const parsed = safeParseScheduleSpec(specs[draft.id]);
    if (!parsed.ok) return { ok: false, error: `${draft.label}: ${parsed.error.message}` };
    legs.push({ ...draft, spec: parsed.spec });
  }
  if (legs.length === 0) return { ok: false, error: 'pick at least one leg to race' };
  return { ok: true, legs };
}

export type RaceOptimizer = SessionConfig['optimizer'];

/** The optimizer race's field: SGD with momentum (the CLR paper's baseline) and the adaptive five. */
export const RACE_OPTIMIZERS: readonly { optimizer: RaceOptimizer; label: string }[] = [
  { optimizer: 'sgdMomentum', label: 'SGD + momentum' },
  { optimizer: 'adam', label: 'Adam' },
  { optimizer: 'adamax', label: 'Adamax' },
  { optimizer: 'adadelta', label: 'Adadelta' },
  { optimizer: 'adagrad', label: 'Adagrad' },
  { optimizer: 'rmsprop', label: 'RMSProp' },
];

/**
 * An optimizer leg's schedule from its own range-test bounds: triangular between them, or,
 * without CLR, fixed at their mean (the average LR of that triangular cycle, for a fair match).
 */
export function optimizerLegSpec(
  bounds: RaceBounds,
  withClr: boolean,
): { ok: true; spec: ScheduleSpec; detail: string } | { ok: false; error: string } {
  const { baseLr, maxLr, stepSize } = bounds;
  const json = withClr
    ? { policy: 'triangular', baseLr, maxLr, stepSize }
    : { policy: 'fixed', lr: (baseLr + maxLr) / 2 };
  const parsed = safeParseScheduleSpec(json);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  const detail = withClr
    ? `triangular ${formatRate(baseLr)}–${formatRate(maxLr)}`
    : `fixed ${formatRate((baseLr + maxLr) / 2)}`;
  return { ok: true, spec: parsed.spec, detail };
}
