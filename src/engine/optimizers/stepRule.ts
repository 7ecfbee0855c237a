import * as tf from '@tensorflow/tfjs';
import type { OptimizerSettings, StepSettings } from './optimizerSettings';

/** What one optimizer step reads: every parameter, its gradient and its state. */
export interface StepInput {
  params: readonly tf.Tensor[];
  grads: readonly tf.Tensor[];
  /** Per-parameter state, zero before the first step, in `slotNames` order. */
  slots: readonly (readonly tf.Tensor[])[];
  /** Per-optimizer scalar state (Prodigy's d, Schedule-Free's weight sum), in `groupSlots` order. */
  group: readonly tf.Scalar[];
  s: StepSettings;
  /** PyTorch's 1-based `state['step']` after its increment. */
  step: number;
}

/** New values for every parameter, its state and the optimizer's scalars. */
export interface StepOutput {
  params: tf.Tensor[];
  slots: tf.Tensor[][];
  group: tf.Scalar[];
}

/**
 * One optimizer's update over all parameters at once, as a pure function of tensors: Prodigy
 * needs sums over every parameter before it can move any.
 */
export interface StepRule {
  slotNames: readonly string[];
  /** Names and initial values of the per-optimizer scalars. */
  groupSlots: readonly { name: string; initial: (s: OptimizerSettings) => number }[];
  /** Reference defaults that differ from `BASE_SETTINGS`. */
  defaults: Partial<OptimizerSettings>;
  update(input: StepInput): StepOutput;
  /**
   * Schedule-Free only: the parameters hold y while training; `toEval` maps y to the averaged
   * point x and `toTrain` back, both from the parameter and its state.
   */
  averaged?: {
    toEval(p: tf.Tensor, slots: readonly tf.Tensor[], s: OptimizerSettings): tf.Tensor;
    toTrain(p: tf.Tensor, slots: readonly tf.Tensor[], s: OptimizerSettings): tf.Tensor;
  };
}

/** A per-parameter update: most optimizers update each parameter on its own. */
export interface ParamRule {
  slotNames: readonly string[];
  defaults: Partial<OptimizerSettings>;
  update(
    p: tf.Tensor,
    g: tf.Tensor,
    slots: readonly tf.Tensor[],
    s: StepSettings,
    step: number,
  ): { param: tf.Tensor; slots: tf.Tensor[] };
}

/** A per-parameter rule as a step rule with no per-optimizer state. */
export function perParameter(rule: ParamRule): StepRule {
  return {
    slotNames: rule.slotNames,
    groupSlots: [],
    defaults: rule.defaults,
    update: ({ params, grads, slots, s, step }) => {
      const results = params.map((p, i) => rule.update(p, grads[i], slots[i], s, step));
      return {
        params: results.map((result) => result.param),
        slots: results.map((result) => result.slots),
        group: [],
      };
    },
  };
}

/** EMA as PyTorch writes it: x·decay + y·(1 − decay). */
export const ema = (x: tf.Tensor, y: tf.Tensor, decay: number): tf.Tensor =>
  tf.add(tf.mul(x, decay), tf.mul(y, 1 - decay));
