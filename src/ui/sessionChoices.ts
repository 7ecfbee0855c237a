import type { BackendName, SessionConfig } from '../worker/contract';

/**
 * What the page offers for each setting, in one place: the panels list these, and share links
 * and imported runs are checked against them, so a link can only ask for what the page shows.
 */

type DatasetName = SessionConfig['dataset'];
type OptimizerName = SessionConfig['optimizer'];

export const DATASET_NAMES = [
  'mnist',
  'fashion-mnist',
  'synthetic',
] as const satisfies readonly DatasetName[];

export const DATASET_LABELS: Record<DatasetName, string> = {
  mnist: 'MNIST digits',
  'fashion-mnist': 'Fashion-MNIST',
  synthetic: 'Synthetic shapes (tiny)',
};

export const OPTIMIZER_NAMES = [
  'sgdMomentum',
  'sgd',
  'adam',
  'adamw',
  'adamax',
  'adadelta',
  'adagrad',
  'rmsprop',
  'sgdScheduleFree',
  'adamwScheduleFree',
  'prodigy',
] as const satisfies readonly OptimizerName[];

export const OPTIMIZER_LABELS: Record<OptimizerName, string> = {
  sgdMomentum: 'SGD with momentum (0.9)',
  sgd: 'SGD',
  adam: 'Adam',
  adamw: 'AdamW (weight decay 0.01)',
  adamax: 'Adamax',
  adadelta: 'Adadelta',
  adagrad: 'Adagrad',
  rmsprop: 'RMSProp',
  sgdScheduleFree: 'Schedule-Free SGD (momentum 0.9)',
  adamwScheduleFree: 'Schedule-Free AdamW',
  prodigy: 'Prodigy (LR ≈ 1: a multiplier of its own step size)',
};

export const BATCH_SIZES: readonly number[] = [16, 32, 64, 128, 256];

export const BACKEND_NAMES = [
  'webgpu',
  'webgl',
  'wasm',
  'cpu',
] as const satisfies readonly BackendName[];

/** Smith uses base_lr = max_lr / 3 or / 4; the Ratio slider allows a little wider. */
export const RATIO_RANGE = { min: 3, max: 6, step: 0.5 };

/** Above 0.995 the debiased EMA lags the curve by hundreds of steps. */
export const MAX_SMOOTHING = 0.995;
