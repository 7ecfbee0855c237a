import { parseScheduleSpec, safeParseScheduleSpec, type ScheduleSpec } from '../../core';
import type { SessionConfig } from '../../worker/contract';
import { formatCount, formatRate } from '../format';
import { DEFAULT_POLICY_LEG_IDS, POLICY_LEG_LABELS, type PolicyLegId } from '../sessionChoices';

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
  /** The optimizer the leg trains with when it is not the page's (the no-schedule legs). */
  optimizer?: RaceOptimizer;
}

type LegsOrError = { ok: true; legs: PolicyLeg[] } | { ok: false; error: string };

/** WSD's share of the race: a short linear warm-up, and the 1-sqrt cooldown over the last 20 %. */
const WSD_WARMUP = 0.05;
const WSD_DECAY = 0.2;

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
 * WSD over a race of `iterations` steps: max LR after a 5 % linear warm-up, then the 1-sqrt
 * cooldown to 0 over the last 20 % (Hägele et al., 2024).
 */
function wsdRaceSpec(maxLr: number, iterations: number) {
  const warmupSteps = Math.round(WSD_WARMUP * iterations);
  const decaySteps = Math.max(1, Math.round(WSD_DECAY * iterations));
  const stableSteps = Math.max(0, iterations - warmupSteps - decaySteps);
  return {
    policy: 'wsd',
    maxLr,
    warmupSteps,
    stableSteps,
    decaySteps,
    warmupType: 'linear',
    decayType: '1-sqrt',
  } as const;
}

/**
 * The policy race: fixed at max/2 and at max, the three CLR policies between the bounds, SGDR
 * from max down to base with restarts that end on the race's last step, one-cycle from
 * base up to max and down over exactly the race, cosine annealing from max to 0 over the race
 * (CosineAnnealingLR), and WSD: max after a 5 % warm-up, with the 1-sqrt cooldown to 0 over
 * the last 20 % that Hägele et al. (2024) found best.
 */
export function policyLegs(
  bounds: RaceBounds,
  iterations: number,
  only: readonly PolicyLegId[] = DEFAULT_POLICY_LEG_IDS,
): LegsOrError {
  const { baseLr, maxLr, stepSize } = bounds;
  const cyclic = { baseLr, maxLr, stepSize };
  // Restarts roughly as often as a triangular cycle, rounded so the last one ends the race.
  const numRestarts = Math.max(1, Math.round(iterations / (2 * stepSize)));
  const period = Math.ceil(iterations / numRestarts);
  const gamma = expRangeGamma(iterations);
  const cycle = `${formatRate(baseLr)}–${formatRate(maxLr)}, step ${formatCount(stepSize)}`;
  const wsd = wsdRaceSpec(maxLr, iterations);
  const { decaySteps } = wsd;
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
    { id: 'cosine', label: POLICY_LEG_LABELS.cosine, detail: `${formatRate(maxLr)}→0` },
    {
      id: 'wsd',
      label: POLICY_LEG_LABELS.wsd,
      detail: `${formatRate(maxLr)}, cooldown ${formatCount(decaySteps)} steps`,
    },
    ...NO_SCHEDULE_LEGS.map(({ id, entry }) => ({
      id,
      label: POLICY_LEG_LABELS[id],
      detail: defaultLrLegSpec(entry).detail,
      optimizer: entry.optimizer,
    })),
  ];
  const specs = {
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
    cosine: { policy: 'cosine', maxLr, minLr: 0, totalSteps: iterations },
    wsd,
    ...Object.fromEntries(
      NO_SCHEDULE_LEGS.map(({ id, entry }) => [id, { policy: 'fixed', lr: entry.defaultLr }]),
    ),
  } as Record<PolicyLegId, unknown>;
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

/** The page's optimizer and the options set for it, as the race started. */
export type PageOptimizer = Pick<SessionConfig, 'optimizer' | 'optimizerOptions'>;

/** A leg trains with the page's options where its optimizer is the page's, else with its defaults. */
export function legOptimizer(optimizer: RaceOptimizer, page: PageOptimizer): PageOptimizer {
  return {
    optimizer,
    optimizerOptions: optimizer === page.optimizer ? page.optimizerOptions : undefined,
  };
}

export interface RaceOptimizerEntry {
  optimizer: RaceOptimizer;
  label: string;
  /**
   * Set for the optimizers that need no range test, which is their point: they train at
   * their reference's default LR, fixed (Schedule-Free and Prodigy set their own step sizes).
   */
  defaultLr?: number;
}

/**
 * The optimizer race's field: SGD with momentum (the CLR paper's baseline), the adaptive
 * six, then Schedule-Free SGD and AdamW and Prodigy, which skip the range test.
 */
export const RACE_OPTIMIZERS: readonly RaceOptimizerEntry[] = [
  { optimizer: 'sgdMomentum', label: 'SGD + momentum' },
  { optimizer: 'adam', label: 'Adam' },
  { optimizer: 'adamw', label: 'AdamW' },
  { optimizer: 'adamax', label: 'Adamax' },
  { optimizer: 'adadelta', label: 'Adadelta' },
  { optimizer: 'adagrad', label: 'Adagrad' },
  { optimizer: 'rmsprop', label: 'RMSProp' },
  { optimizer: 'sgdScheduleFree', label: 'Schedule-Free SGD', defaultLr: 1 },
  { optimizer: 'adamwScheduleFree', label: 'Schedule-Free AdamW', defaultLr: 0.0025 },
  { optimizer: 'prodigy', label: 'Prodigy', defaultLr: 1 },
];

/**
 * The policy race's no-schedule legs: Schedule-Free SGD and Prodigy at their reference's
 * default LR, fixed, as in the optimizer race (no range test, no schedule: that is the point).
 */
const NO_SCHEDULE_LEGS = (['scheduleFreeSgd', 'prodigy'] as const).map((id) => {
  const entry = RACE_OPTIMIZERS.find(
    (o) => o.optimizer === (id === 'prodigy' ? 'prodigy' : 'sgdScheduleFree'),
  );
  if (entry?.defaultLr === undefined) throw new Error(`${id} has no default LR`);
  return { id, entry: { ...entry, defaultLr: entry.defaultLr } };
});

/** The schedule of a leg that needs no range test: its default LR, fixed. */
export function defaultLrLegSpec(entry: RaceOptimizerEntry & { defaultLr: number }): {
  spec: ScheduleSpec;
  detail: string;
} {
  return {
    spec: parseScheduleSpec({ policy: 'fixed', lr: entry.defaultLr }),
    detail: `fixed ${formatRate(entry.defaultLr)}, no range test`,
  };
}

/** What the range-tested legs of the optimizer race train with between their bounds. */
export const OPTIMIZER_LEG_SCHEDULES = ['triangular', 'wsd', 'fixed'] as const;
export type OptimizerLegSchedule = (typeof OPTIMIZER_LEG_SCHEDULES)[number];

/**
 * An optimizer leg's schedule from its own range-test bounds: triangular between them; WSD
 * at their max LR with the policy race's phases over the race's `iterations`; or fixed at
 * their mean (the average LR of that triangular cycle, for a fair match).
 */
export function optimizerLegSpec(
  bounds: RaceBounds,
  schedule: OptimizerLegSchedule,
  iterations: number,
): { ok: true; spec: ScheduleSpec; detail: string } | { ok: false; error: string } {
  const { baseLr, maxLr, stepSize } = bounds;
  const mean = (baseLr + maxLr) / 2;
  const choices = {
    triangular: {
      json: { policy: 'triangular', baseLr, maxLr, stepSize },
      detail: `triangular ${formatRate(baseLr)}–${formatRate(maxLr)}`,
    },
    wsd: {
      json: wsdRaceSpec(maxLr, iterations),
      detail: `WSD ${formatRate(maxLr)}, 1-sqrt cooldown`,
    },
    fixed: { json: { policy: 'fixed', lr: mean }, detail: `fixed ${formatRate(mean)}` },
  };
  const { json, detail } = choices[schedule];
  const parsed = safeParseScheduleSpec(json);
  if (!parsed.ok) return { ok: false, error: parsed.error.message };
  return { ok: true, spec: parsed.spec, detail };
}
