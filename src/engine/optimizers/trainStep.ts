import * as tf from '@tensorflow/tfjs';
import type { BatchMoments } from '../model/batchNorm';
import type { Cnn } from '../model/cnn';
import { accuracy, softmaxCrossEntropy } from '../model/loss';
import type { Optimizer, StepHyper } from './optimizer';

/** A step's loss (from the forward pass before the update) and batch accuracy. */
export interface StepResult {
  loss: tf.Scalar;
  accuracy: tf.Scalar;
}

/**
 * One training step: forward, loss and gradients, optimizer update, then the batch-norm
 * running statistics (PyTorch order). Inputs [B, 28, 28, 1] in [0, 1], one-hot labels
 * [B, 10]. Returns scalars the caller reads when it likes and disposes; nothing else leaks.
 */
export function trainStep(
  model: Cnn,
  optimizer: Optimizer,
  xs: tf.Tensor4D,
  ys: tf.Tensor2D,
  hyper: StepHyper,
  dropoutSeed?: number,
): StepResult {
  // variableGrads disposes everything its function made except the loss; these outlive it.
  const kept: { logits?: tf.Tensor2D; moments: BatchMoments[] } = { moments: [] };
  try {
    return tf.tidy(() => {
      const variables = model.params.map((p) => p.variable);
      const { value: loss, grads } = tf.variableGrads(() => {
        const out = model.forwardTraining(xs, dropoutSeed);
        kept.logits = tf.keep(out.logits);
        kept.moments = out.moments.map((m) => ({
          ...m,
          mean: tf.keep(m.mean),
          variance: tf.keep(m.variance),
        }));
        return softmaxCrossEntropy(out.logits, ys);
      }, variables);
      optimizer.apply(
        variables.map((v) => grads[v.name]),
        hyper,
      );
      model.updateRunningStats(kept.moments);
      if (!kept.logits) throw new Error('forward pass produced no logits');
      return { loss, accuracy: accuracy(kept.logits, ys) };
    });
  } finally {
    tf.dispose(kept.moments.flatMap((m) => [m.mean, m.variance]));
    if (kept.logits) kept.logits.dispose();
  }
}
