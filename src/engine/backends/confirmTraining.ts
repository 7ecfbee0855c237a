import * as tf from '@tensorflow/tfjs';
import { createCnn, MNIST_SHAPE, type CnnOptions } from '../model/cnn';

const { side: IMAGE_SIZE, numClasses: NUM_CLASSES } = MNIST_SHAPE;
import { createOptimizer } from '../optimizers/optimizer';
import { trainStep } from '../optimizers/trainStep';

/**
 * Runs one real training step of the model on the active backend, since a backend can
 * start yet lack a kernel or produce NaN. Resolves to the loss; throws on failure.
 */
export async function confirmTraining(modelOptions: Partial<CnnOptions>): Promise<number> {
  const model = createCnn(modelOptions, 0);
  const optimizer = createOptimizer('sgdMomentum', model.params);
  const xs: tf.Tensor4D = tf.randomUniform([2, IMAGE_SIZE, IMAGE_SIZE, 1], 0, 1, 'float32', 1);
  const ys = tf.tidy(() =>
    tf.cast(tf.oneHot(tf.tensor1d([3, 7], 'int32'), NUM_CLASSES), 'float32'),
  ) as tf.Tensor2D;
  try {
    const { loss, accuracy } = trainStep(model, optimizer, xs, ys, { lr: 0.01 }, 1);
    const [value] = await loss.data();
    tf.dispose([loss, accuracy]);
    if (!Number.isFinite(value)) throw new Error(`training step gave a non-finite loss (${value})`);
    return value;
  } finally {
    model.dispose();
    optimizer.dispose();
    tf.dispose([xs, ys]);
  }
}
