import * as tf from '@tensorflow/tfjs';
import type { NamedVariable } from '../model/cnn';
import { BASE_SETTINGS, type OptimizerSettings, type StepSettings } from './optimizerSettings';
import { UPDATE_RULES, type OptimizerName } from './updateRules';

/**
 * What a schedule sets before every step. `momentum` applies to SGD with momentum and
 * `beta1` to the Adam family; when absent the optimizer's own setting is used.
 */
export interface StepHyper {
  lr: number;
  momentum?: number;
  beta1?: number;
}

/** Copies of an optimizer's state: its step count and every slot, keyed `param/slot` (`optimizer/…` for its scalars). */
export interface OptimizerSnapshot {
  step: number;
  slots: tf.NamedTensorMap;
}

export interface Optimizer {
  readonly name: OptimizerName;
  readonly settings: Readonly<OptimizerSettings>;
  /** Updates applied so far (PyTorch's `state['step']`). */
  readonly step: number;
  /**
   * Schedule-Free: the parameters train at y, but the point to evaluate and ship is the
   * average x. False for every other optimizer, whose parameters are the point.
   */
  readonly hasAveragedPoint: boolean;
  /** Whether the parameters hold x (after `eval()`) rather than the training point. */
  readonly evalMode: boolean;
  /** Applies one update; `grads` are in the order of the parameters given at creation. */
  apply(grads: readonly tf.Tensor[], hyper: StepHyper): void;
  /** Schedule-Free's `optimizer.eval()`: parameters ← x. A no-op for other optimizers. */
  eval(): void;
  /** Schedule-Free's `optimizer.train()`: parameters ← y. A no-op for other optimizers. */
  train(): void;
  /** Whether `effectiveLr()` reports anything (Prodigy). */
  readonly hasEffectiveLr: boolean;
  /**
   * A copy of the step size the last update used beyond the schedule's LR (Prodigy: lr·d, with
   * its bias correction), or null where the LR is the step size. The caller disposes it.
   */
  effectiveLr(): tf.Scalar | null;
  /** Bitwise copies of the state (caller disposes the tensors). */
  snapshot(): OptimizerSnapshot;
  /** Restores a snapshot taken from an optimizer over the same parameters; the caller keeps it. */
  restore(snapshot: OptimizerSnapshot): void;
  dispose(): void;
}

/** A rule may hand back state unchanged: assigning a variable to itself would free its data. */
function assign(target: tf.Variable, value: tf.Tensor): void {
  if (value !== target) target.assign(value);
}

function checkHyper(hyper: StepHyper): void {
  if (!(Number.isFinite(hyper.lr) && hyper.lr >= 0)) {
    throw new Error(`lr must be a finite number ≥ 0, got ${hyper.lr}`);
  }
  for (const key of ['momentum', 'beta1'] as const) {
    const value = hyper[key];
    if (value !== undefined && !(value >= 0 && value < 1)) {
      throw new Error(`${key} must be in [0, 1), got ${value}`);
    }
  }
}

/** An optimizer over `params` with its reference's update rule and defaults. */
export function createOptimizer(
  name: OptimizerName,
  params: readonly NamedVariable[],
  settings: Partial<OptimizerSettings> = {},
): Optimizer {
  const rule = UPDATE_RULES[name];
  const fixed: OptimizerSettings = { ...BASE_SETTINGS, ...rule.defaults, ...settings };
  const slots: tf.Variable[][] = params.map(({ variable }) =>
    rule.slotNames.map(() => tf.variable(tf.zerosLike(variable), false)),
  );
  const group: tf.Variable<tf.Rank.R0>[] = rule.groupSlots.map(({ initial }) =>
    tf.variable(tf.scalar(initial(fixed)), false),
  );
  const keyed = [
    ...slots.flatMap((perParam, i) =>
      perParam.map((slot, j) => [`${params[i].name}/${rule.slotNames[j]}`, slot] as const),
    ),
    ...group.map((slot, i) => [`optimizer/${rule.groupSlots[i].name}`, slot] as const),
  ];
  const effectiveIdx = rule.groupSlots.findIndex((slot) => slot.name === 'effectiveLr');
  let step = 0;
  let evalMode = false;

  /** Reassigns every parameter from its value and state (Schedule-Free's x ↔ y). */
  const moveParams = (
    map: (p: tf.Tensor, state: readonly tf.Tensor[], s: OptimizerSettings) => tf.Tensor,
  ) => {
    tf.tidy(() => {
      params.forEach(({ variable }, i) => variable.assign(map(variable, slots[i], fixed)));
    });
  };

  return {
    name,
    settings: fixed,
    get step() {
      return step;
    },
    hasAveragedPoint: rule.averaged !== undefined,
    hasEffectiveLr: effectiveIdx >= 0,
    get evalMode() {
      return evalMode;
    },
    apply: (grads, hyper) => {
      checkHyper(hyper);
      if (evalMode) {
        throw new Error('The optimizer is in eval mode (parameters at x): call train() first');
      }
      if (grads.length !== params.length) {
        throw new Error(`Expected ${params.length} gradients, got ${grads.length}`);
      }
      const s: StepSettings = {
        ...fixed,
        lr: hyper.lr,
        momentum: hyper.momentum ?? fixed.momentum,
        beta1: hyper.beta1 ?? fixed.beta1,
      };
      step += 1;
      tf.tidy(() => {
        const out = rule.update({
          params: params.map((p) => p.variable),
          grads,
          slots,
          group,
          s,
          step,
        });
        params.forEach(({ variable }, i) => assign(variable, out.params[i]));
        out.slots.forEach((values, i) => values.forEach((value, j) => assign(slots[i][j], value)));
        out.group.forEach((value, i) => assign(group[i], value));
      });
    },
    eval: () => {
      if (evalMode || !rule.averaged) return;
      // Before the first step there is no z: x = y (the reference skips the swap too).
      if (step > 0) moveParams(rule.averaged.toEval);
      evalMode = true;
    },
    train: () => {
      if (!evalMode || !rule.averaged) return;
      if (step > 0) moveParams(rule.averaged.toTrain);
      evalMode = false;
    },
    effectiveLr: () => (effectiveIdx < 0 ? null : tf.clone(group[effectiveIdx])),
    snapshot: () => ({
      step,
      slots: Object.fromEntries(keyed.map(([key, slot]) => [key, tf.clone(slot)])),
    }),
    restore: (snapshot) => {
      for (const [key, slot] of keyed) {
        const value = snapshot.slots[key];
        if (!value) throw new Error(`Optimizer snapshot has no '${key}'`);
        slot.assign(value);
      }
      step = snapshot.step;
    },
    dispose: () => [...slots.flat(), ...group].forEach((slot) => slot.dispose()),
  };
}
