import * as tf from '@tensorflow/tfjs';

/** Settings an optimizer keeps fixed unless a schedule overrides them per step. */
export interface OptimizerSettings {
  /** SGD momentum μ (PyTorch `momentum`). */
  momentum: number;
  /** Adam/Adamax β1 (PyTorch `betas[0]`). */
  beta1: number;
  /** Adam/Adamax β2 (PyTorch `betas[1]`). */
  beta2: number;
  eps: number;
  /** Adadelta ρ. */
  rho: number;
  /** RMSProp smoothing constant α. */
  alpha: number;
}

/** The settings one step runs with, the step's learning rate included. */
export type StepSettings = OptimizerSettings & { lr: number };

/** New values for one parameter and its state slots. */
interface RuleResult {
  param: tf.Tensor;
  slots: tf.Tensor[];
}

/** One optimizer's per-parameter update, as a pure function of tensors. */
interface UpdateRule {
  /** Per-parameter state, zero-initialised, in the order `update` receives it. */
  slotNames: readonly string[];
  /** PyTorch 1.13 defaults that differ from `BASE_SETTINGS`. */
  defaults: Partial<OptimizerSettings>;
  /** `step` is PyTorch's 1-based `state['step']` after its increment. */
  update(p: tf.Tensor, g: tf.Tensor, slots: tf.Tensor[], s: StepSettings, step: number): RuleResult;
}

/** PyTorch 1.13 defaults shared by most optimizers. */
export const BASE_SETTINGS: OptimizerSettings = {
  momentum: 0,
  beta1: 0.9,
  beta2: 0.999,
  eps: 1e-8,
  rho: 0.9,
  alpha: 0.99,
};

/** EMA as PyTorch writes it: x·decay + y·(1 − decay). */
const ema = (x: tf.Tensor, y: tf.Tensor, decay: number): tf.Tensor =>
  tf.add(tf.mul(x, decay), tf.mul(y, 1 - decay));

/** torch.optim.SGD, no momentum. */
const sgd: UpdateRule = {
  slotNames: [],
  defaults: {},
  update: (p, g, _slots, s) => ({ param: tf.sub(p, tf.mul(g, s.lr)), slots: [] }),
};

/** torch.optim.SGD(momentum=μ): v = μ·v + g, p −= lr·v (zero v equals torch's clone on step 1). */
const sgdMomentum: UpdateRule = {
  slotNames: ['momentumBuffer'],
  defaults: { momentum: 0.9 },
  update: (p, g, [buf], s) => {
    const v = tf.add(tf.mul(buf, s.momentum), g);
    return { param: tf.sub(p, tf.mul(v, s.lr)), slots: [v] };
  },
};

/** torch.optim.Adam (_single_tensor_adam), bias corrections with the step's β1. */
const adam: UpdateRule = {
  slotNames: ['expAvg', 'expAvgSq'],
  defaults: {},
  update: (p, g, [m, v], s, step) => {
    const m1 = ema(m, g, s.beta1);
    const v1 = ema(v, tf.square(g), s.beta2);
    const stepSize = s.lr / (1 - s.beta1 ** step);
    const denom = tf.add(tf.div(tf.sqrt(v1), Math.sqrt(1 - s.beta2 ** step)), s.eps);
    return { param: tf.sub(p, tf.mul(tf.div(m1, denom), stepSize)), slots: [m1, v1] };
  },
};

/** torch.optim.Adamax: u = max(β2·u, |g| + eps). */
const adamax: UpdateRule = {
  slotNames: ['expAvg', 'expInf'],
  defaults: {},
  update: (p, g, [m, u], s, step) => {
    const m1 = ema(m, g, s.beta1);
    const u1 = tf.maximum(tf.mul(u, s.beta2), tf.add(tf.abs(g), s.eps));
    const clr = s.lr / (1 - s.beta1 ** step);
    return { param: tf.sub(p, tf.mul(tf.div(m1, u1), clr)), slots: [m1, u1] };
  },
};

/** torch.optim.Adadelta. */
const adadelta: UpdateRule = {
  slotNames: ['squareAvg', 'accDelta'],
  defaults: { eps: 1e-6 },
  update: (p, g, [sq, acc], s) => {
    const sq1 = ema(sq, tf.square(g), s.rho);
    const std = tf.sqrt(tf.add(sq1, s.eps));
    const delta = tf.mul(tf.div(tf.sqrt(tf.add(acc, s.eps)), std), g);
    const acc1 = ema(acc, tf.square(delta), s.rho);
    return { param: tf.sub(p, tf.mul(delta, s.lr)), slots: [sq1, acc1] };
  },
};

/** torch.optim.Adagrad (lr_decay 0, initial accumulator 0). */
const adagrad: UpdateRule = {
  slotNames: ['sum'],
  defaults: { eps: 1e-10 },
  update: (p, g, [sum], s) => {
    const sum1 = tf.add(sum, tf.square(g));
    const std = tf.add(tf.sqrt(sum1), s.eps);
    return { param: tf.sub(p, tf.mul(tf.div(g, std), s.lr)), slots: [sum1] };
  },
};

/** torch.optim.RMSprop (not centered, no momentum). */
const rmsprop: UpdateRule = {
  slotNames: ['squareAvg'],
  defaults: {},
  update: (p, g, [sq], s) => {
    const sq1 = ema(sq, tf.square(g), s.alpha);
    const avg = tf.add(tf.sqrt(sq1), s.eps);
    return { param: tf.sub(p, tf.mul(tf.div(g, avg), s.lr)), slots: [sq1] };
  },
};

export const UPDATE_RULES = {
  sgd,
  sgdMomentum,
  adam,
  adamax,
  adadelta,
  adagrad,
  rmsprop,
} as const satisfies Record<string, UpdateRule>;

export type OptimizerName = keyof typeof UPDATE_RULES;
