import * as tf from '@tensorflow/tfjs';
import type { Batch } from '../data/batches';
import type { Cnn } from '../model/cnn';
import type { Optimizer, StepHyper } from '../optimizers/optimizer';
import { trainStep } from '../optimizers/trainStep';
import type { OptimizerName } from '../optimizers/updateRules';

/** One training step on one batch; returns the loss and batch accuracy as numbers. */
export async function stepOnce(
  model: Cnn,
  optimizer: Optimizer,
  batch: Batch,
  hyper: StepHyper,
  dropoutSeed: number,
): Promise<{ loss: number; accuracy: number }> {
  let both: tf.Tensor1D;
  try {
    const { loss, accuracy } = trainStep(model, optimizer, batch.xs, batch.ys, hyper, dropoutSeed);
    // One read-back per step instead of two.
    both = tf.stack([loss, accuracy]) as tf.Tensor1D;
    tf.dispose([loss, accuracy]);
  } finally {
    tf.dispose([batch.xs, batch.ys]);
  }
  const [loss, accuracy] = await both.data();
  both.dispose();
  return { loss, accuracy };
}

/** The hyper-parameters a schedule sets for an optimizer: momentum for SGD, beta1 for Adam(ax). */
export function hyperFor(
  optimizerName: OptimizerName,
  lr: number,
  momentum: number | undefined,
): StepHyper {
  if (momentum === undefined) return { lr };
  if (optimizerName === 'sgdMomentum') return { lr, momentum };
  if (optimizerName === 'adam' || optimizerName === 'adamax') return { lr, beta1: momentum };
  return { lr };
}
