import type { ScheduleSpec } from '../scheduleSpec';
import { pyFloat } from './pythonLiteral';
import type { ScheduleHistory } from './scheduleChangesNote';

/** The playground's optimizers (the engine's names), each exported with PyTorch 1.13's defaults. */
export type ExportOptimizer =
  'sgd' | 'sgdMomentum' | 'adam' | 'adamax' | 'adadelta' | 'adagrad' | 'rmsprop';

/** What the exported code is for: the session's optimizer, and its batches for the comments. */
export interface ExportOptions {
  optimizer: ExportOptimizer;
  batchSize: number;
  iterationsPerEpoch: number;
  /** The last run's schedule when it was changed mid-run: its pieces go in the header. */
  history?: ScheduleHistory;
}

interface OptimizerCode {
  /** What the playground cycles when a spec cycles momentum (as the engine does). */
  cycles: 'momentum' | 'beta1' | null;
  torch: (lr: string) => string;
  keras: (lr: string) => string;
}

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
};

const TORCH_NAMES: Record<ExportOptimizer, string> = {
  sgd: 'SGD without momentum',
  sgdMomentum: 'SGD',
  adam: 'Adam',
  adamax: 'Adamax',
  adadelta: 'Adadelta',
  adagrad: 'Adagrad',
  rmsprop: 'RMSprop',
};

/** `optimizer = torch.optim.…(model.parameters(), lr=…)`. */
export function torchOptimizerLine(optimizer: ExportOptimizer, lr: number): string {
  return `optimizer = ${OPTIMIZERS[optimizer].torch(pyFloat(lr))}`;
}

/** `optimizer = tf.keras.optimizers.…(learning_rate=…)`; `lr` is a Python expression. */
export function kerasOptimizerLine(optimizer: ExportOptimizer, lr: string): string {
  return `optimizer = ${OPTIMIZERS[optimizer].keras(lr)}`;
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
  if (cycles === null) {
    return `The spec cycles momentum, but ${TORCH_NAMES[optimizer]} has none (the playground ignores it too).`;
  }
  if (cycles === 'beta1' && spec.policy !== 'one_cycle') {
    return `The playground cycles ${TORCH_NAMES[optimizer]}'s beta1 for this spec, but torch 1.13's CyclicLR can only cycle SGD-style momentum (it raises for ${TORCH_NAMES[optimizer]}), so beta1 stays fixed here.`;
  }
  return null;
}
