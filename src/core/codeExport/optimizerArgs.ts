import {
  OPTION_DEFAULTS,
  resolvedOptions,
  type OptimizerOptionName,
  type OptimizerOptions,
} from '../config/optimizerOptions';
import type { OptimizerName } from '../config/sessionConfig';
import { pyFloat } from './pythonLiteral';

/**
 * The optimizer options as constructor arguments, in PyTorch (`weight_decay=…`, `betas=(…)`)
 * and Keras (`weight_decay=…`, `beta_1=…`, `epsilon=…`), written with the values the
 * playground trains with.
 */

const literal = (name: OptimizerOptionName, value: number): string =>
  name === 'warmupSteps' ? String(value) : pyFloat(value);

/** The torch-side arguments, in this order; β1 and β2 are the one `betas` tuple. */
const TORCH_ORDER: readonly OptimizerOptionName[] = [
  'momentum',
  'beta1',
  'eps',
  'rho',
  'alpha',
  'weightDecay',
  'warmupSteps',
  'd0',
  'dCoef',
  'growthRate',
];
const TORCH_ARG: Partial<Record<OptimizerOptionName, string>> = {
  momentum: 'momentum',
  eps: 'eps',
  rho: 'rho',
  alpha: 'alpha',
  weightDecay: 'weight_decay',
  warmupSteps: 'warmup_steps',
  d0: 'd0',
  dCoef: 'd_coef',
  growthRate: 'growth_rate',
};

/**
 * `, momentum=0.9, weight_decay=0.05`: each option that differs from the library's default,
 * and those in `always` (SGD + momentum's 0.9, which torch's SGD does not default to).
 */
export function torchOptionArgs(
  optimizer: OptimizerName,
  options: OptimizerOptions | undefined,
  always: readonly OptimizerOptionName[] = [],
): string {
  const values = resolvedOptions(optimizer, options);
  const defaults = OPTION_DEFAULTS[optimizer];
  const differs = (name: OptimizerOptionName) =>
    values[name] !== undefined && (always.includes(name) || values[name] !== defaults[name]);
  const args: string[] = [];
  for (const name of TORCH_ORDER) {
    if (name === 'beta1') {
      const { beta1, beta2 } = values;
      if (beta1 !== undefined && beta2 !== undefined && (differs('beta1') || differs('beta2'))) {
        args.push(`betas=(${pyFloat(beta1)}, ${pyFloat(beta2)})`);
      }
    } else if (differs(name)) {
      args.push(`${TORCH_ARG[name]}=${literal(name, values[name] ?? 0)}`);
    }
  }
  return args.map((arg) => `, ${arg}`).join('');
}

/** One Keras argument: from an option (written when it differs, or always), or a fixed literal. */
export type KerasArg =
  { arg: string; option: OptimizerOptionName; always?: true } | { arg: string; literal: string };

/** `, beta_1=0.9, epsilon=1e-8`: the Keras arguments for the values the playground trains with. */
export function kerasOptionArgs(
  optimizer: OptimizerName,
  options: OptimizerOptions | undefined,
  args: readonly KerasArg[],
): string {
  const values = resolvedOptions(optimizer, options);
  const defaults = OPTION_DEFAULTS[optimizer];
  return args
    .map((spec) => {
      if ('literal' in spec) return `, ${spec.arg}=${spec.literal}`;
      const value = values[spec.option];
      if (value === undefined || (!spec.always && value === defaults[spec.option])) return '';
      return `, ${spec.arg}=${literal(spec.option, value)}`;
    })
    .join('');
}

/**
 * Torch's SGD-family and Adam `weight_decay` is an L2 term added to the gradient; Keras's is
 * decoupled. The same update in Keras is an L2 regulariser of half the value on each layer.
 */
export function kerasL2Note(
  optimizer: OptimizerName,
  options: OptimizerOptions | undefined,
): string | null {
  const weightDecay = resolvedOptions(optimizer, options).weightDecay ?? 0;
  if (weightDecay === 0) return null;
  return `PyTorch's weight_decay=${pyFloat(weightDecay)} here adds ${pyFloat(weightDecay)}·w to each gradient (an L2 penalty); Keras's weight_decay is decoupled and would train differently. For the same update, give each layer kernel_regularizer=tf.keras.regularizers.L2(${pyFloat(weightDecay / 2)}) and bias_regularizer alike (L2(l) adds l·Σw² to the loss, 2l·w to the gradient).`;
}
