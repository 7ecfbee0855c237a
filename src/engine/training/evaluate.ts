import * as tf from '@tensorflow/tfjs';
import { evaluationBatches } from '../data/batches';
import type { ImageSet } from '../data/imageSet';
import type { Cnn } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';

/** Batches of this size keep evaluation memory small on every backend. */
const EVAL_BATCH = 500;

/** Mean loss and accuracy of the model (inference mode) over a whole set. */
export async function evaluate(
  model: Cnn,
  set: ImageSet,
): Promise<{ loss: number; accuracy: number }> {
  let lossSum = 0;
  let correct = 0;
  for (const { xs, ys } of evaluationBatches(set, EVAL_BATCH)) {
    const sums = tf.tidy(() => {
      const logits = model.forward(xs, { training: false });
      const loss = tf.mul(softmaxCrossEntropy(logits, ys), xs.shape[0]);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(ys, 1)), 'float32'));
      return tf.stack([loss, hits]);
    });
    tf.dispose([xs, ys]);
    const [loss, hits] = await sums.data();
    sums.dispose();
    lossSum += loss;
    correct += hits;
  }
  return { loss: lossSum / set.count, accuracy: correct / set.count };
}

/**
 * Accuracy of an ensemble: the average of each member's softmax output (Snapshot Ensembles,
 * Huang et al. 2017). `member` loads snapshot i into a scratch model and returns it.
 */
export async function ensembleAccuracy(
  set: ImageSet,
  numMembers: number,
  member: (i: number) => Cnn,
): Promise<number> {
  let correct = 0;
  const batches = [...evaluationBatches(set, EVAL_BATCH)];
  try {
    const sums = batches.map(({ xs }) => tf.zeros([xs.shape[0], set.numClasses]));
    for (let m = 0; m < numMembers; m++) {
      const model = member(m);
      batches.forEach(({ xs }, b) => {
        const next = tf.tidy(() => tf.add(sums[b], model.predict(xs)));
        sums[b].dispose();
        sums[b] = next;
      });
    }
    for (let b = 0; b < batches.length; b++) {
      const hits = tf.tidy(() =>
        tf.sum(tf.cast(tf.equal(tf.argMax(sums[b], 1), tf.argMax(batches[b].ys, 1)), 'float32')),
      );
      correct += (await hits.data())[0];
      tf.dispose([hits, sums[b]]);
    }
  } finally {
    tf.dispose(batches.flatMap(({ xs, ys }) => [xs, ys]));
  }
  return correct / set.count;
}
