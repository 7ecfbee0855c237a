import type { BuiltInDatasetName, OptimizerName } from '../core';
import type { BackendName } from '../worker/contract';

/**
 * What the page offers for each setting, in one place: the panels list these, and share links
 * and imported runs are checked against them, so a link can only ask for what the page shows.
 */

/** The page offers every dataset and optimizer the engine takes, in the core's order. */
export { DATASET_NAMES, OPTIMIZER_NAMES } from '../core';

export const DATASET_LABELS: Record<BuiltInDatasetName, string> = {
  mnist: 'MNIST digits',
  'fashion-mnist': 'Fashion-MNIST',
  synthetic: 'Synthetic shapes (tiny)',
};

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgdMomentum: 'SGD with momentum',
  sgd: 'SGD',
  adam: 'Adam',
  adamw: 'AdamW',
  adamax: 'Adamax',
  adadelta: 'Adadelta',
  adagrad: 'Adagrad',
  rmsprop: 'RMSProp',
  sgdScheduleFree: 'Schedule-Free SGD',
  adamwScheduleFree: 'Schedule-Free AdamW',
  prodigy: 'Prodigy (LR ≈ 1: a multiplier of its own step size)',
};

/** The optimizers' names where space is short: kept runs' names, legends. */
export const OPTIMIZER_SHORT_LABELS: Record<OptimizerName, string> = {
  sgdMomentum: 'SGD + momentum',
  sgd: 'SGD',
  adam: 'Adam',
  adamw: 'AdamW',
  adamax: 'Adamax',
  adadelta: 'Adadelta',
  adagrad: 'Adagrad',
  rmsprop: 'RMSProp',
  sgdScheduleFree: 'Schedule-Free SGD',
  adamwScheduleFree: 'Schedule-Free AdamW',
  prodigy: 'Prodigy',
};

/** Model presets a user picks by name; each is a set of the engine's model options. */
export const MODEL_PRESETS = {
  default: {
    label: 'Default CNN',
    model: { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 },
  },
  small: {
    label: 'Small (half width)',
    model: { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 },
  },
  noBatchNorm: {
    label: 'No batch norm',
    model: { widthMultiplier: 1, batchNorm: false, dropoutRate: 0.25 },
  },
  wide: {
    label: 'Wide (double width)',
    model: { widthMultiplier: 2, batchNorm: true, dropoutRate: 0.25 },
  },
} as const;
export type ModelPreset = keyof typeof MODEL_PRESETS;

export const BATCH_SIZES: readonly number[] = [16, 32, 64, 128, 256];

export const BACKEND_NAMES = [
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
] as const satisfies readonly BackendName[];

/** The policy race's legs, in the order they run. */
export const POLICY_LEG_IDS = [
  'fixedHalf',
  'fixedMax',
  'triangular',
  'triangular2',
  'exp_range',
  'sgdr',
  'one_cycle',
  'cosine',
  'wsd',
  'scheduleFreeSgd',
  'prodigy',
] as const;
export type PolicyLegId = (typeof POLICY_LEG_IDS)[number];

/**
 * The legs a policy race runs unless told otherwise: every schedule under SGD with momentum.
 * The last two legs ask whether a schedule is needed at all (the "Do we still need a
 * schedule?" preset), and are ticked by hand.
 */
export const DEFAULT_POLICY_LEG_IDS: readonly PolicyLegId[] = POLICY_LEG_IDS.filter(
  (id) => id !== 'scheduleFreeSgd' && id !== 'prodigy',
);

export const POLICY_LEG_LABELS: Record<PolicyLegId, string> = {
  fixedHalf: 'fixed, max/2',
  fixedMax: 'fixed, max',
  triangular: 'triangular',
  triangular2: 'triangular2',
  exp_range: 'exp_range',
  sgdr: 'SGDR',
  one_cycle: 'one-cycle',
  cosine: 'cosine',
  wsd: 'WSD, 1-sqrt',
  scheduleFreeSgd: 'Schedule-Free SGD, no schedule',
  prodigy: 'Prodigy, no schedule',
};

/** How many snapshots the ensemble may keep (the engine refuses more than 20). */
export const SNAPSHOT_COUNTS = { min: 1, max: 20, default: 5 };

/** Smith uses base_lr = max_lr / 3 or / 4; the Ratio slider allows a little wider. */
export const RATIO_RANGE = { min: 3, max: 6, step: 0.5 };

/** Above 0.995 the debiased EMA lags the curve by hundreds of steps. */
export const MAX_SMOOTHING = 0.995;
