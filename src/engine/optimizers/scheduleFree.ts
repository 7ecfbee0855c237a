import * as tf from '@tensorflow/tfjs';
import type { OptimizerSettings, StepSettings } from './optimizerSettings';
import type { StepInput, StepOutput, StepRule } from './stepRule';

/**
 * Schedule-Free SGD and AdamW (Defazio et al. 2024, facebookresearch/schedule_free, the
 * `foreach=False` loops). The parameters hold y, where gradients are taken; the state holds
 * z, the base iterate. The point to evaluate and ship is x, which the reference never stores:
 * y = (1 − β)·z + β·x, so x is recovered from y and z (`optimizer.eval()`).
 */

const GROUP_SLOTS: StepRule['groupSlots'] = [
  { name: 'lrMax', initial: () => -1 },
  { name: 'weightSum', initial: () => 0 },
];

/** Linear warm-up of the step's LR over `warmupSteps` (k is 0-based). */
const warmedLr = (s: StepSettings, k: number): number =>
  k < s.warmupSteps ? (s.lr * (k + 1)) / s.warmupSteps : s.lr;

/**
 * The averaging weight c_{k+1} = w_k / Σw, w_k = (k+1)^r · lr_max^power, with the group's
 * running lr_max and Σw (0 while every LR so far was 0, as the reference's ZeroDivisionError).
 */
function averagingWeight(
  [lrMax, weightSum]: readonly tf.Scalar[],
  lr: number,
  s: StepSettings,
  k: number,
): { ckp1: tf.Scalar; group: tf.Scalar[] } {
  const lrMax1 = tf.maximum(lrMax, lr) as tf.Scalar;
  const weight = tf.mul(tf.pow(lrMax1, s.weightLrPower), (k + 1) ** s.r) as tf.Scalar;
  const weightSum1 = tf.add(weightSum, weight) as tf.Scalar;
  // The 0/0 of a zero sum is NaN in the branch `where` drops.
  const ckp1 = tf.where(
    tf.greater(weightSum1, 0),
    tf.div(weight, weightSum1),
    tf.zerosLike(weight),
  ) as tf.Scalar;
  return { ckp1, group: [lrMax1, weightSum1] };
}

/** y ← lerp(y, z, c) + yLr·u and z ← z − lr·u, for the step direction u. */
function interpolate(
  y: tf.Tensor,
  z: tf.Tensor,
  u: tf.Tensor,
  ckp1: tf.Scalar,
  yLr: tf.Scalar,
  lr: number,
): { y: tf.Tensor; z: tf.Tensor } {
  const lerped = tf.add(y, tf.mul(tf.sub(z, y), ckp1));
  return { y: tf.add(lerped, tf.mul(u, yLr)), z: tf.sub(z, tf.mul(u, lr)) };
}

/** x = lerp(y, z, 1 − 1/β) and back, y = lerp(x, z, 1 − β), as the reference's eval()/train(). */
const averaged = (beta: (s: OptimizerSettings) => number): NonNullable<StepRule['averaged']> => ({
  toEval: (p, [z], s) => tf.add(p, tf.mul(tf.sub(z, p), 1 - 1 / beta(s))),
  toTrain: (p, [z], s) => tf.add(p, tf.mul(tf.sub(z, p), 1 - beta(s))),
});

/** SGDScheduleFree: lr 1, momentum 0.9, weight decay at y added to the gradient. */
const sgdScheduleFree: StepRule = {
  slotNames: ['z'],
  groupSlots: GROUP_SLOTS,
  defaults: { momentum: 0.9 },
  update: ({ params, grads, slots, group, s, step }: StepInput): StepOutput => {
    const k = step - 1;
    const lr = warmedLr(s, k);
    const { ckp1, group: group1 } = averagingWeight(group, lr, s, k);
    const yLr = tf.mul(tf.sub(tf.mul(tf.sub(1, ckp1), s.momentum), 1), lr) as tf.Scalar;
    const results = params.map((y, i) => {
      // A clone: the variable itself would read its updated value once assigned.
      const z = step === 1 ? tf.clone(y) : slots[i][0];
      const g = s.weightDecay === 0 ? grads[i] : tf.add(grads[i], tf.mul(y, s.weightDecay));
      return interpolate(y, z, g, ckp1, yLr, lr);
    });
    return {
      params: results.map((r) => r.y),
      slots: results.map((r) => [r.z]),
      group: group1,
    };
  },
  averaged: averaged((s) => s.momentum),
};

/** AdamWScheduleFree: lr 0.0025, Adam's second moment, decoupled weight decay taken at y. */
const adamwScheduleFree: StepRule = {
  slotNames: ['z', 'expAvgSq'],
  groupSlots: GROUP_SLOTS,
  defaults: {},
  update: ({ params, grads, slots, group, s, step }: StepInput): StepOutput => {
    const k = step - 1;
    const lr = warmedLr(s, k);
    const { ckp1, group: group1 } = averagingWeight(group, lr, s, k);
    const yLr = tf.mul(tf.sub(tf.mul(tf.sub(1, ckp1), s.beta1), 1), lr) as tf.Scalar;
    const biasCorrection2 = 1 - s.beta2 ** step;
    const results = params.map((y, i) => {
      const z = step === 1 ? tf.clone(y) : slots[i][0];
      const g = grads[i];
      const v = tf.add(tf.mul(slots[i][1], s.beta2), tf.mul(tf.square(g), 1 - s.beta2));
      const denom = tf.add(tf.sqrt(tf.div(v, biasCorrection2)), s.eps);
      const normalized = tf.div(g, denom);
      const u = s.weightDecay === 0 ? normalized : tf.add(normalized, tf.mul(y, s.weightDecay));
      return { ...interpolate(y, z, u, ckp1, yLr, lr), v };
    });
    return {
      params: results.map((r) => r.y),
      slots: results.map((r) => [r.z, r.v]),
      group: group1,
    };
  },
  averaged: averaged((s) => s.beta1),
};

export const SCHEDULE_FREE_RULES = { sgdScheduleFree, adamwScheduleFree } as const;
