import type { ScheduleSpec } from '../scheduleSpec';
import { pyFloat } from './pythonLiteral';
import type { WsdVariant } from './pytorchWsd';
import type { ScheduleHistory } from './scheduleChangesNote';

/** The playground's optimizers (the engine's names), each exported with its reference's defaults. */
export type ExportOptimizer =
  | 'sgd'
  | 'sgdMomentum'
  | 'adam'
  | 'adamw'
  | 'adamax'
  | 'adadelta'
  | 'adagrad'
  | 'rmsprop'
  | 'sgdScheduleFree'
  | 'adamwScheduleFree'
  | 'prodigy';

/** What the exported code is for: the session's optimizer, and its batches for the comments. */
export interface ExportOptions {
  optimizer: ExportOptimizer;
  batchSize: number;
  iterationsPerEpoch: number;
  /** WSD in PyTorch: a dependency-free LambdaLR (the default) or Transformers' own function. */
  pytorchWsd?: WsdVariant;
  /** The last run's schedule when it was changed mid-run: its pieces go in the header. */
  history?: ScheduleHistory;
}

interface OptimizerCode {
  /** What the playground cycles when a spec cycles momentum (as the engine does). */
  cycles: 'momentum' | 'beta1' | null;
  torch: (lr: string) => string;
  /** It has a momentum (or β1), but the playground never cycles it. */
  fixedMomentum?: true;
  /** The pip package outside torch that the optimizer comes from. */
  torchPackage?: 'schedulefree' | 'prodigyopt';
  /** The Keras optimizer, or, where Keras has none, why and what the export falls back to. */
  keras: (lr: string) => string | { note: string; fallback: string };
}

const NO_SCHEDULE_FREE_IN_KERAS =
  'Keras has no Schedule-Free optimizer, and so no averaged point x to evaluate: the line below is';

/**
 * Keras's defaults differ from PyTorch's (Adam's epsilon, RMSprop's rho, …); the Keras lines
 * spell out PyTorch's, which the playground trains with.
 */
const OPTIMIZERS: Record<ExportOptimizer, OptimizerCode> = {
  sgd: {
    cycles: null,
    torch: (lr) => `torch.optim.SGD(model.parameters(), lr=${lr})`,
    keras: (lr) => `tf.keras.optimizers.SGD(learning_rate=${lr})`,
  },
  sgdMomentum: {
    cycles: 'momentum',
    torch: (lr) => `torch.optim.SGD(model.parameters(), lr=${lr}, momentum=0.9)`,
    keras: (lr) => `tf.keras.optimizers.SGD(learning_rate=${lr}, momentum=0.9)`,
  },
  adam: {
    cycles: 'beta1',
    torch: (lr) => `torch.optim.Adam(model.parameters(), lr=${lr})`,
    keras: (lr) => `tf.keras.optimizers.Adam(learning_rate=${lr}, epsilon=1e-8)`,
  },
  adamw: {
    cycles: 'beta1',
    torch: (lr) => `torch.optim.AdamW(model.parameters(), lr=${lr})`,
    keras: (lr) =>
      `tf.keras.optimizers.AdamW(learning_rate=${lr}, weight_decay=0.01, epsilon=1e-8)`,
  },
  adamax: {
    cycles: 'beta1',
    torch: (lr) => `torch.optim.Adamax(model.parameters(), lr=${lr})`,
    keras: (lr) => `tf.keras.optimizers.Adamax(learning_rate=${lr}, epsilon=1e-8)`,
  },
  adadelta: {
    cycles: null,
    torch: (lr) => `torch.optim.Adadelta(model.parameters(), lr=${lr})`,
    keras: (lr) => `tf.keras.optimizers.Adadelta(learning_rate=${lr}, rho=0.9, epsilon=1e-6)`,
  },
  adagrad: {
    cycles: null,
    torch: (lr) => `torch.optim.Adagrad(model.parameters(), lr=${lr})`,
    keras: (lr) =>
      `tf.keras.optimizers.Adagrad(learning_rate=${lr}, initial_accumulator_value=0.0, epsilon=1e-10)`,
  },
  rmsprop: {
    cycles: null,
    torch: (lr) => `torch.optim.RMSprop(model.parameters(), lr=${lr})`,
    keras: (lr) => `tf.keras.optimizers.RMSprop(learning_rate=${lr}, rho=0.99, epsilon=1e-8)`,
  },
  sgdScheduleFree: {
    cycles: null,
    fixedMomentum: true,
    torch: (lr) => `schedulefree.SGDScheduleFree(model.parameters(), lr=${lr}, momentum=0.9)`,
    torchPackage: 'schedulefree',
    keras: (lr) => ({
      note: `${NO_SCHEDULE_FREE_IN_KERAS} plain SGD with momentum 0.9 on the same LR, which trains differently.`,
      fallback: `tf.keras.optimizers.SGD(learning_rate=${lr}, momentum=0.9)`,
    }),
  },
  adamwScheduleFree: {
    cycles: null,
    fixedMomentum: true,
    torch: (lr) => `schedulefree.AdamWScheduleFree(model.parameters(), lr=${lr})`,
    torchPackage: 'schedulefree',
    keras: (lr) => ({
      note: `${NO_SCHEDULE_FREE_IN_KERAS} plain Adam on the same LR, which trains differently.`,
      fallback: `tf.keras.optimizers.Adam(learning_rate=${lr}, epsilon=1e-8)`,
    }),
  },
  prodigy: {
    cycles: null,
    fixedMomentum: true,
    torch: (lr) => `prodigyopt.Prodigy(model.parameters(), lr=${lr})`,
    torchPackage: 'prodigyopt',
    keras: () => ({
      note: 'Keras has no Prodigy (konstmish/prodigy is PyTorch only). Its LR is a multiplier of the step size d it estimates, about 1, so no fixed-rate Keras optimizer can take this schedule as it is: choose one and its own LR.',
      fallback: 'None',
    }),
  },
};

const TORCH_NAMES: Record<ExportOptimizer, string> = {
  sgd: 'SGD without momentum',
  sgdMomentum: 'SGD',
  adam: 'Adam',
  adamw: 'AdamW',
  adamax: 'Adamax',
  adadelta: 'Adadelta',
  adagrad: 'Adagrad',
  rmsprop: 'RMSprop',
  sgdScheduleFree: 'Schedule-Free SGD',
  adamwScheduleFree: 'Schedule-Free AdamW',
  prodigy: 'Prodigy',
};

/** `optimizer = torch.optim.…(model.parameters(), lr=…)`. */
export function torchOptimizerLine(optimizer: ExportOptimizer, lr: number): string {
  return `optimizer = ${OPTIMIZERS[optimizer].torch(pyFloat(lr))}`;
}

/** `import schedulefree` or `import prodigyopt` where the optimizer is not torch's own; else null. */
export function torchOptimizerImport(optimizer: ExportOptimizer): string | null {
  const pkg = OPTIMIZERS[optimizer].torchPackage;
  return pkg ? `import ${pkg}  # pip install ${pkg}` : null;
}

/** Schedule-Free trains at y and must be switched to x around evaluation and saving. */
export function hasEvalMode(optimizer: ExportOptimizer): boolean {
  return OPTIMIZERS[optimizer].torchPackage === 'schedulefree';
}

/** `optimizer = tf.keras.optimizers.…(learning_rate=…)`, or the fallback where Keras has none; `lr` is a Python expression. */
export function kerasOptimizerLine(optimizer: ExportOptimizer, lr: string): string {
  const keras = OPTIMIZERS[optimizer].keras(lr);
  return `optimizer = ${typeof keras === 'string' ? keras : keras.fallback}`;
}

/** Why the Keras line is a fallback, where Keras has no such optimizer; else null. */
export function kerasOptimizerNote(optimizer: ExportOptimizer): string | null {
  const keras = OPTIMIZERS[optimizer].keras('lr');
  return typeof keras === 'string' ? null : keras.note;
}

/** Whether a spec cycles momentum at all (only cyclic and one-cycle specs can). */
export function cyclesMomentum(spec: ScheduleSpec): boolean {
  return 'cycleMomentum' in spec && spec.cycleMomentum;
}

/**
 * Why a spec's momentum cycling cannot be exported with this optimizer, or null when it can.
 * The playground cycles SGD's momentum and Adam(ax)'s beta1; torch 1.13's CyclicLR only
 * knows `momentum` and raises for Adam, while OneCycleLR handles both.
 */
export function momentumNotExported(spec: ScheduleSpec, optimizer: ExportOptimizer): string | null {
  if (!cyclesMomentum(spec)) return null;
  const cycles = OPTIMIZERS[optimizer].cycles;
  if (cycles === null && OPTIMIZERS[optimizer].fixedMomentum) {
    return `The spec cycles momentum, but the playground keeps ${TORCH_NAMES[optimizer]}'s fixed, and so does this code.`;
  }
  if (cycles === null) {
    return `The spec cycles momentum, but ${TORCH_NAMES[optimizer]} has none (the playground ignores it too).`;
  }
  if (cycles === 'beta1' && spec.policy !== 'one_cycle') {
    return `The playground cycles ${TORCH_NAMES[optimizer]}'s beta1 for this spec, but torch 1.13's CyclicLR can only cycle SGD-style momentum (it raises for ${TORCH_NAMES[optimizer]}), so beta1 stays fixed here.`;
  }
  return null;
}
