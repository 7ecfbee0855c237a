import * as tf from '@tensorflow/tfjs';
import { evaluationBatches } from '../data/batches';
import type { ImageSet } from '../data/imageSet';
import type { Cnn } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';

/** Batches of this size keep evaluation memory small on every backend. */
const EVAL_BATCH = 500;

export interface Evaluation {
  loss: number;
  accuracy: number;
}

/** Mean loss and accuracy of the model (inference mode) over a whole set. */
export async function evaluate(model: Cnn, set: ImageSet): Promise<Evaluation> {
  return evaluateSet(model, set, null);
}

/**
 * `evaluate`, also keeping the model's softmax outputs [count × numClasses] (row-major) from
 * the same forward passes: what a snapshot ensemble averages.
 */
export async function evaluateWithProbabilities(
  model: Cnn,
  set: ImageSet,
): Promise<Evaluation & { probabilities: Float32Array }> {
  const probabilities = new Float32Array(set.count * set.numClasses);
  return { ...(await evaluateSet(model, set, probabilities)), probabilities };
}

async function evaluateSet(
  model: Cnn,
  set: ImageSet,
  probabilities: Float32Array | null,
): Promise<Evaluation> {
  let lossSum = 0;
  let correct = 0;
  let offset = 0;
  for (const { xs, ys } of evaluationBatches(set, EVAL_BATCH)) {
    const { sums, probs } = tf.tidy(() => {
      const logits = model.forward(xs, { training: false });
      const loss = tf.mul(softmaxCrossEntropy(logits, ys), xs.shape[0]);
      const hits = tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.argMax(ys, 1)), 'float32'));
      return {
        sums: tf.stack([loss, hits]),
        probs: probabilities ? tf.softmax(logits) : undefined,
      };
    });
    tf.dispose([xs, ys]);
    const [[loss, hits], probValues] = await Promise.all([sums.data(), probs?.data()]);
    tf.dispose([sums, ...(probs ? [probs] : [])]);
    if (probabilities && probValues) {
      probabilities.set(probValues, offset);
      offset += probValues.length;
    }
    lossSum += loss;
    correct += hits;
  }
  return { loss: lossSum / set.count, accuracy: correct / set.count };
}
