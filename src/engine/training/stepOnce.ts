import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/batches';
import type { Cnn } from '../model/cnn';
import type { Optimizer, StepHyper } from '../optimizers/optimizer';
import { trainStep } from '../optimizers/trainStep';
import type { OptimizerName } from '../optimizers/updateRules';

/**
 * One training step on one batch; returns the loss and batch accuracy as numbers, and the
 * step size the optimizer chose where it chooses one (Prodigy's lr·d).
 */
export async function stepOnce(
  model: Cnn,
  optimizer: Optimizer,
  batch: Batch,
  hyper: StepHyper,
  dropoutSeed: number,
): Promise<{ loss: number; accuracy: number; effectiveLr?: number }> {
  let all: tf.Tensor1D;
  try {
    const { loss, accuracy } = trainStep(model, optimizer, batch.xs, batch.ys, hyper, dropoutSeed);
    const effectiveLr = optimizer.effectiveLr();
    const scalars = effectiveLr ? [loss, accuracy, effectiveLr] : [loss, accuracy];
    // One read-back per step instead of two or three.
    all = tf.stack(scalars) as tf.Tensor1D;
    tf.dispose(scalars);
  } finally {
    tf.dispose([batch.xs, batch.ys]);
  }
  const [loss, accuracy, effectiveLr] = await all.data();
  all.dispose();
  return effectiveLr === undefined ? { loss, accuracy } : { loss, accuracy, effectiveLr };
}

/** The hyper-parameters a schedule sets for an optimizer: momentum for SGD, beta1 for Adam, AdamW and Adamax. */
export function hyperFor(
  optimizerName: OptimizerName,
  lr: number,
  momentum: number | undefined,
): StepHyper {
  if (momentum === undefined) return { lr };
  if (optimizerName === 'sgdMomentum') return { lr, momentum };
  if (optimizerName === 'adam' || optimizerName === 'adamw' || optimizerName === 'adamax') {
    return { lr, beta1: momentum };
  }
  return { lr };
}
