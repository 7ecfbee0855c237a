import type { OptimizerOptionName, OptimizerOptions } from '../config/optimizerOptions';
import type { OptimizerName } from '../config/sessionConfig';
import type { ScheduleSpec } from '../scheduleSpec';
import { kerasL2Note, kerasOptionArgs, torchOptionArgs, type KerasArg } from './optimizerArgs';
import { pyFloat } from './pythonLiteral';
import type { WsdVariant } from './pytorchWsd';
import type { ScheduleHistory } from './scheduleChangesNote';

/** The playground's optimizers (the engine's names). */
export type ExportOptimizer = OptimizerName;

/** What the exported code is for: the session's optimizer and its options, and its batches for the comments. */
export interface ExportOptions {
  optimizer: ExportOptimizer;
  /** The options set in the page; those not set are the reference's defaults. */
  optimizerOptions?: OptimizerOptions;
  batchSize: number;
  iterationsPerEpoch: number;
  /** WSD in PyTorch: a dependency-free LambdaLR (the default) or Transformers' own function. */
  pytorchWsd?: WsdVariant;
  /** The last run's schedule when it was changed mid-run: its pieces go in the header. */
  history?: ScheduleHistory;
}

interface KerasCall {
  name: string;
  args: readonly KerasArg[];
}

interface OptimizerCode {
  /** What the playground cycles when a spec cycles momentum (as the engine does). */
  cycles: 'momentum' | 'beta1' | null;
  torch: string;
  /** Options the torch line writes even at their default. */
  torchAlways?: readonly OptimizerOptionName[];
  /** It has a momentum (or β1), but the playground never cycles it. */
  fixedMomentum?: true;
  /** The pip package outside torch that the optimizer comes from. */
  torchPackage?: 'schedulefree' | 'prodigyopt';
  /** Its weight decay is torch's L2 term of the gradient, which Keras's decoupled one is not. */
  coupledDecay?: true;
  /** The Keras optimizer, or, where Keras has none, why and what the export falls back to. */
  keras: KerasCall | { note: string; fallback: KerasCall | null };
}

const NO_SCHEDULE_FREE_IN_KERAS =
  'Keras has no Schedule-Free optimizer, and so no averaged point x to evaluate: the line below is';

const MOMENTUM: KerasArg = { arg: 'momentum', option: 'momentum', always: true };
const BETAS: readonly KerasArg[] = [
  { arg: 'beta_1', option: 'beta1' },
  { arg: 'beta_2', option: 'beta2' },
];
const EPSILON: KerasArg = { arg: 'epsilon', option: 'eps', always: true };

/**
 * Keras's defaults differ from PyTorch's (Adam's epsilon, RMSprop's rho, …); the Keras lines
 * spell out PyTorch's, which the playground trains with.
 */
const OPTIMIZERS: Record<ExportOptimizer, OptimizerCode> = {
  sgd: {
    cycles: null,
    torch: 'torch.optim.SGD',
    // Without momentum, torch's L2 term and Keras's decoupled decay are the same update.
    keras: { name: 'SGD', args: [{ arg: 'weight_decay', option: 'weightDecay' }] },
  },
  sgdMomentum: {
    cycles: 'momentum',
    torch: 'torch.optim.SGD',
    torchAlways: ['momentum'],
    coupledDecay: true,
    keras: { name: 'SGD', args: [MOMENTUM] },
  },
  adam: {
    cycles: 'beta1',
    torch: 'torch.optim.Adam',
    coupledDecay: true,
    keras: { name: 'Adam', args: [...BETAS, EPSILON] },
  },
  adamw: {
    cycles: 'beta1',
    torch: 'torch.optim.AdamW',
    keras: {
      name: 'AdamW',
      args: [{ arg: 'weight_decay', option: 'weightDecay', always: true }, ...BETAS, EPSILON],
    },
  },
  adamax: {
    cycles: 'beta1',
    torch: 'torch.optim.Adamax',
    coupledDecay: true,
    keras: { name: 'Adamax', args: [...BETAS, EPSILON] },
  },
  adadelta: {
    cycles: null,
    torch: 'torch.optim.Adadelta',
    coupledDecay: true,
    keras: { name: 'Adadelta', args: [{ arg: 'rho', option: 'rho', always: true }, EPSILON] },
  },
  adagrad: {
    cycles: null,
    torch: 'torch.optim.Adagrad',
    coupledDecay: true,
    keras: {
      name: 'Adagrad',
      args: [{ arg: 'initial_accumulator_value', literal: '0.0' }, EPSILON],
    },
  },
  rmsprop: {
    cycles: null,
    torch: 'torch.optim.RMSprop',
    coupledDecay: true,
    keras: { name: 'RMSprop', args: [{ arg: 'rho', option: 'alpha', always: true }, EPSILON] },
  },
  sgdScheduleFree: {
    cycles: null,
    fixedMomentum: true,
    torch: 'schedulefree.SGDScheduleFree',
    torchAlways: ['momentum'],
    torchPackage: 'schedulefree',
    keras: {
      note: `${NO_SCHEDULE_FREE_IN_KERAS} plain SGD with the same momentum on the same LR, which trains differently.`,
      fallback: { name: 'SGD', args: [MOMENTUM] },
    },
  },
  adamwScheduleFree: {
    cycles: null,
    fixedMomentum: true,
    torch: 'schedulefree.AdamWScheduleFree',
    torchPackage: 'schedulefree',
    keras: {
      note: `${NO_SCHEDULE_FREE_IN_KERAS} plain Adam on the same LR, which trains differently.`,
      fallback: { name: 'Adam', args: [...BETAS, EPSILON] },
    },
  },
  prodigy: {
    cycles: null,
    fixedMomentum: true,
    torch: 'prodigyopt.Prodigy',
    torchPackage: 'prodigyopt',
    keras: {
      note: 'Keras has no Prodigy (konstmish/prodigy is PyTorch only). Its LR is a multiplier of the step size d it estimates, about 1, so no fixed-rate Keras optimizer can take this schedule as it is: choose one and its own LR.',
      fallback: null,
    },
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

/** `optimizer = torch.optim.…(model.parameters(), lr=…, <options>)`. */
export function torchOptimizerLine(
  optimizer: ExportOptimizer,
  lr: number,
  options?: OptimizerOptions,
): string {
  const code = OPTIMIZERS[optimizer];
  const args = torchOptionArgs(optimizer, options, code.torchAlways);
  return `optimizer = ${code.torch}(model.parameters(), lr=${pyFloat(lr)}${args})`;
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
export function kerasOptimizerLine(
  optimizer: ExportOptimizer,
  lr: string,
  options?: OptimizerOptions,
): string {
  const keras = OPTIMIZERS[optimizer].keras;
  const call = 'name' in keras ? keras : keras.fallback;
  if (!call) return 'optimizer = None';
  const args = kerasOptionArgs(optimizer, options, call.args);
  return `optimizer = tf.keras.optimizers.${call.name}(learning_rate=${lr}${args})`;
}

/**
 * What the Keras code cannot say in its optimizer line: that Keras has no such optimizer, or
 * how to get torch's L2 weight decay. Empty when the line is the whole story.
 */
export function kerasOptimizerNotes(
  optimizer: ExportOptimizer,
  options?: OptimizerOptions,
): string[] {
  const code = OPTIMIZERS[optimizer];
  const missing = 'note' in code.keras ? code.keras.note : null;
  const l2 = code.coupledDecay ? kerasL2Note(optimizer, options) : null;
  return [missing, l2].filter((note): note is string => note !== null);
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
