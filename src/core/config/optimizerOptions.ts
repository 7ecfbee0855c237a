import { z } from 'zod';

/** Every optimizer the engine steps, in the order the page lists them. */
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
] as const;
type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

const unitInterval = z
  .number()
  .min(0, { message: 'must be at least 0', abort: true })
  .lt(1, 'must be less than 1');
const positive = (max: number) =>
  z
    .number()
    .positive({ message: 'must be greater than 0', abort: true })
    .max(max, `must be at most ${max}`);

/**
 * The options a user may set, each with the range that still means something. Names are the
 * camelCase of the reference implementations' arguments (`weight_decay` → `weightDecay`), as
 * the engine's settings.
 */
const OPTION_SCHEMAS = {
  /** PyTorch's L2 term of SGD, Adam and Schedule-Free SGD; decoupled in AdamW, Schedule-Free AdamW and Prodigy. */
  weightDecay: z
    .number()
    .min(0, { message: 'must be at least 0', abort: true })
    .max(1, 'must be at most 1'),
  momentum: unitInterval,
  beta1: unitInterval,
  beta2: unitInterval,
  eps: positive(1),
  /** Adadelta's ρ. */
  rho: unitInterval,
  /** RMSprop's smoothing constant α. */
  alpha: unitInterval,
  /** Schedule-Free: steps of linear LR warm-up. */
  warmupSteps: z
    .number()
    .int({ message: 'must be a whole number', abort: true })
    .min(0, { message: 'must be at least 0', abort: true })
    .max(1_000_000, 'must be at most 1000000'),
  /** Prodigy's initial estimate of the step size d. */
  d0: positive(1),
  /** Prodigy: scales every estimate of d. */
  dCoef: positive(100),
  /** Prodigy: d grows at most by this factor a step (unset: no limit, the reference's inf). */
  growthRate: z
    .number()
    .min(1, { message: 'must be at least 1', abort: true })
    .max(1e6, 'must be at most 1000000'),
} as const;

export type OptimizerOptionName = keyof typeof OPTION_SCHEMAS;
export const OPTIMIZER_OPTION_NAMES = Object.keys(OPTION_SCHEMAS) as OptimizerOptionName[];

/** The options an optimizer has, each set or left to its default. */
export type OptimizerOptions = Partial<Record<OptimizerOptionName, number>>;

const ADAM_FAMILY = ['beta1', 'beta2', 'eps', 'weightDecay'] as const;

/** Which options each optimizer takes: those of its reference that the engine implements. */
export const OPTIONS_OF: Record<OptimizerName, readonly OptimizerOptionName[]> = {
  sgdMomentum: ['momentum', 'weightDecay'],
  sgd: ['weightDecay'],
  adam: ADAM_FAMILY,
  adamw: ADAM_FAMILY,
  adamax: ADAM_FAMILY,
  adadelta: ['rho', 'eps', 'weightDecay'],
  adagrad: ['eps', 'weightDecay'],
  rmsprop: ['alpha', 'eps', 'weightDecay'],
  sgdScheduleFree: ['momentum', 'weightDecay', 'warmupSteps'],
  adamwScheduleFree: [...ADAM_FAMILY, 'warmupSteps'],
  prodigy: [...ADAM_FAMILY, 'd0', 'dCoef', 'growthRate'],
};

const TORCH_DEFAULTS = { beta1: 0.9, beta2: 0.999, eps: 1e-8, weightDecay: 0 } as const;

/**
 * Each option's default: the reference implementation's (PyTorch 1.13, schedulefree,
 * prodigyopt), except SGD + momentum's 0.9 (PyTorch's `momentum` defaults to 0, which is
 * plain SGD). Prodigy's growthRate has none: unset is no limit.
 */
export const OPTION_DEFAULTS: Record<OptimizerName, OptimizerOptions> = {
  sgdMomentum: { momentum: 0.9, weightDecay: 0 },
  sgd: { weightDecay: 0 },
  adam: TORCH_DEFAULTS,
  adamw: { ...TORCH_DEFAULTS, weightDecay: 0.01 },
  adamax: TORCH_DEFAULTS,
  adadelta: { rho: 0.9, eps: 1e-6, weightDecay: 0 },
  adagrad: { eps: 1e-10, weightDecay: 0 },
  rmsprop: { alpha: 0.99, eps: 1e-8, weightDecay: 0 },
  sgdScheduleFree: { momentum: 0.9, weightDecay: 0, warmupSteps: 0 },
  adamwScheduleFree: { ...TORCH_DEFAULTS, warmupSteps: 0 },
  prodigy: { ...TORCH_DEFAULTS, d0: 1e-6, dCoef: 1 },
};

/** Where each optimizer's reference lives, as its hints and exports name it. */
export const REFERENCE_LIBRARY: Record<OptimizerName, 'PyTorch' | 'schedulefree' | 'prodigyopt'> = {
  sgdMomentum: 'PyTorch',
  sgd: 'PyTorch',
  adam: 'PyTorch',
  adamw: 'PyTorch',
  adamax: 'PyTorch',
  adadelta: 'PyTorch',
  adagrad: 'PyTorch',
  rmsprop: 'PyTorch',
  sgdScheduleFree: 'schedulefree',
  adamwScheduleFree: 'schedulefree',
  prodigy: 'prodigyopt',
};

/** Each option's argument in the reference implementations (β1 and β2 are torch's `betas` tuple). */
export const REFERENCE_ARGS: Record<OptimizerOptionName, string> = {
  weightDecay: 'weight_decay',
  momentum: 'momentum',
  beta1: 'betas[0]',
  beta2: 'betas[1]',
  eps: 'eps',
  rho: 'rho',
  alpha: 'alpha',
  warmupSteps: 'warmup_steps',
  d0: 'd0',
  dCoef: 'd_coef',
  growthRate: 'growth_rate',
};

/** The options object of a session: any known option, each in its range. */
export const optimizerOptionsSchema = z.strictObject(
  Object.fromEntries(
    OPTIMIZER_OPTION_NAMES.map((name) => [name, OPTION_SCHEMAS[name].optional()]),
  ) as { [K in OptimizerOptionName]: z.ZodOptional<(typeof OPTION_SCHEMAS)[K]> },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `has no option ${issue.keys.join(', ')} (options: ${OPTIMIZER_OPTION_NAMES.join(', ')})`
        : undefined,
  },
);

/** One option's own schema (its range), for a form or a link field. */
export function optimizerOptionSchema(name: OptimizerOptionName): z.ZodNumber {
  return OPTION_SCHEMAS[name];
}

/** The option names of `options` that `optimizer` does not take, for the session's check. */
export function foreignOptions(
  optimizer: OptimizerName,
  options: OptimizerOptions,
): OptimizerOptionName[] {
  return (Object.keys(options) as OptimizerOptionName[]).filter(
    (name) => !OPTIONS_OF[optimizer].includes(name),
  );
}

/** Every option of `optimizer` with what it runs with: the value set, else the default. */
export function resolvedOptions(
  optimizer: OptimizerName,
  options: OptimizerOptions = {},
): OptimizerOptions {
  const resolved: OptimizerOptions = {};
  for (const name of OPTIONS_OF[optimizer]) {
    const value = options[name] ?? OPTION_DEFAULTS[optimizer][name];
    if (value !== undefined) resolved[name] = value;
  }
  return resolved;
}
