import * as tf from '@tensorflow/tfjs';
import type { StepSettings } from './optimizerSettings';
import { ema, type ParamRule } from './stepRule';

/** torch.optim 1.13's single-tensor update rules, one parameter at a time. */

/** The gradient with torch's coupled L2 penalty (`weight_decay`) added, when there is one. */
const withL2 = (g: tf.Tensor, p: tf.Tensor, s: StepSettings): tf.Tensor =>
  s.weightDecay === 0 ? g : tf.add(g, tf.mul(p, s.weightDecay));

/** torch.optim.SGD, no momentum. */
const sgd: ParamRule = {
  slotNames: [],
  defaults: {},
  update: (p, g, _slots, s) => ({ param: tf.sub(p, tf.mul(withL2(g, p, s), s.lr)), slots: [] }),
};

/**
 * torch.optim.SGD(momentum=μ): v = μ·v + g, p −= lr·v, or lr·(g + μ·v) with Nesterov (zero v
 * equals torch's clone on step 1).
 */
const sgdMomentum: ParamRule = {
  slotNames: ['momentumBuffer'],
  defaults: { momentum: 0.9 },
  update: (p, g, [buf], s) => {
    const d = withL2(g, p, s);
    const v = tf.add(tf.mul(buf, s.momentum), d);
    const step = s.nesterov ? tf.add(d, tf.mul(v, s.momentum)) : v;
    return { param: tf.sub(p, tf.mul(step, s.lr)), slots: [v] };
  },
};

/** Adam's moment updates and step from the (already decayed) gradient, bias corrections with the step's β1. */
function adamStep(
  p: tf.Tensor,
  g: tf.Tensor,
  [m, v]: readonly tf.Tensor[],
  s: StepSettings,
  step: number,
): { param: tf.Tensor; slots: tf.Tensor[] } {
  const m1 = ema(m, g, s.beta1);
  const v1 = ema(v, tf.square(g), s.beta2);
  const stepSize = s.lr / (1 - s.beta1 ** step);
  const denom = tf.add(tf.div(tf.sqrt(v1), Math.sqrt(1 - s.beta2 ** step)), s.eps);
  return { param: tf.sub(p, tf.mul(tf.div(m1, denom), stepSize)), slots: [m1, v1] };
}

/** torch.optim.Adam (_single_tensor_adam), weight decay as an L2 term of the gradient. */
const adam: ParamRule = {
  slotNames: ['expAvg', 'expAvgSq'],
  defaults: {},
  update: (p, g, slots, s, step) => adamStep(p, withL2(g, p, s), slots, s, step),
};

/** torch.optim.AdamW: decoupled decay p·(1 − lr·wd) before Adam's step; wd defaults to 0.01. */
const adamw: ParamRule = {
  slotNames: ['expAvg', 'expAvgSq'],
  defaults: { weightDecay: 0.01 },
  update: (p, g, slots, s, step) =>
    adamStep(s.weightDecay === 0 ? p : tf.mul(p, 1 - s.lr * s.weightDecay), g, slots, s, step),
};

/** torch.optim.Adamax: u = max(β2·u, |g| + eps). */
const adamax: ParamRule = {
  slotNames: ['expAvg', 'expInf'],
  defaults: {},
  update: (p, grad, [m, u], s, step) => {
    const g = withL2(grad, p, s);
    const m1 = ema(m, g, s.beta1);
    const u1 = tf.maximum(tf.mul(u, s.beta2), tf.add(tf.abs(g), s.eps));
    const clr = s.lr / (1 - s.beta1 ** step);
    return { param: tf.sub(p, tf.mul(tf.div(m1, u1), clr)), slots: [m1, u1] };
  },
};

/** torch.optim.Adadelta. */
const adadelta: ParamRule = {
  slotNames: ['squareAvg', 'accDelta'],
  defaults: { eps: 1e-6 },
  update: (p, grad, [sq, acc], s) => {
    const g = withL2(grad, p, s);
    const sq1 = ema(sq, tf.square(g), s.rho);
    const std = tf.sqrt(tf.add(sq1, s.eps));
    const delta = tf.mul(tf.div(tf.sqrt(tf.add(acc, s.eps)), std), g);
    const acc1 = ema(acc, tf.square(delta), s.rho);
    return { param: tf.sub(p, tf.mul(delta, s.lr)), slots: [sq1, acc1] };
  },
};

/** torch.optim.Adagrad (lr_decay 0, initial accumulator 0). */
const adagrad: ParamRule = {
  slotNames: ['sum'],
  defaults: { eps: 1e-10 },
  update: (p, grad, [sum], s) => {
    const g = withL2(grad, p, s);
    const sum1 = tf.add(sum, tf.square(g));
    const std = tf.add(tf.sqrt(sum1), s.eps);
    return { param: tf.sub(p, tf.mul(tf.div(g, std), s.lr)), slots: [sum1] };
  },
};

/** torch.optim.RMSprop (not centered, no momentum). */
const rmsprop: ParamRule = {
  slotNames: ['squareAvg'],
  defaults: {},
  update: (p, grad, [sq], s) => {
    const g = withL2(grad, p, s);
    const sq1 = ema(sq, tf.square(g), s.alpha);
    const avg = tf.add(tf.sqrt(sq1), s.eps);
    return { param: tf.sub(p, tf.mul(tf.div(g, avg), s.lr)), slots: [sq1] };
  },
};

export const TORCH_RULES = {
  sgd,
  sgdMomentum,
  adam,
  adamw,
  adamax,
  adadelta,
  adagrad,
  rmsprop,
} as const satisfies Record<string, ParamRule>;
