import * as tf from '@tensorflow/tfjs';
import type { NamedVariable } from '../model/cnn';
import {
  BASE_SETTINGS,
  UPDATE_RULES,
  type OptimizerName,
  type OptimizerSettings,
  type StepSettings,
} from './updateRules';

/**
 * What a schedule sets before every step. `momentum` applies to SGD with momentum and
 * `beta1` to Adam/Adamax; when absent the optimizer's own setting is used.
 */
export interface StepHyper {
  lr: number;
  momentum?: number;
  beta1?: number;
}

/** Copies of an optimizer's state: its step count and every slot, keyed `param/slot`. */
export interface OptimizerSnapshot {
  step: number;
  slots: tf.NamedTensorMap;
}

export interface Optimizer {
  readonly name: OptimizerName;
  readonly settings: Readonly<OptimizerSettings>;
  /** Updates applied so far (PyTorch's `state['step']`). */
  readonly step: number;
  /** Applies one update; `grads` are in the order of the parameters given at creation. */
  apply(grads: readonly tf.Tensor[], hyper: StepHyper): void;
  /** Bitwise copies of the state (caller disposes the tensors). */
  snapshot(): OptimizerSnapshot;
  /** Restores a snapshot taken from an optimizer over the same parameters; the caller keeps it. */
  restore(snapshot: OptimizerSnapshot): void;
  dispose(): void;
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

/** An optimizer over `params` with PyTorch 1.13 update rules and defaults. */
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
  const slotKey = (paramIdx: number, slotIdx: number): string =>
    `${params[paramIdx].name}/${rule.slotNames[slotIdx]}`;
  let step = 0;

  return {
    name,
    settings: fixed,
    get step() {
      return step;
    },
    apply: (grads, hyper) => {
      checkHyper(hyper);
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
        params.forEach(({ variable }, i) => {
          const result = rule.update(variable, grads[i], slots[i], s, step);
          variable.assign(result.param);
          result.slots.forEach((value, j) => slots[i][j].assign(value));
        });
      });
    },
    snapshot: () => ({
      step,
      slots: Object.fromEntries(
        slots.flatMap((perParam, i) => perParam.map((slot, j) => [slotKey(i, j), tf.clone(slot)])),
      ),
    }),
    restore: (snapshot) => {
      slots.forEach((perParam, i) =>
        perParam.forEach((slot, j) => {
          const value = snapshot.slots[slotKey(i, j)];
          if (!value) throw new Error(`Optimizer snapshot has no '${slotKey(i, j)}'`);
          slot.assign(value);
        }),
      );
      step = snapshot.step;
    },
    dispose: () => slots.flat().forEach((slot) => slot.dispose()),
  };
}
