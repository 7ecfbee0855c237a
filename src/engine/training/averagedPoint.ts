import * as tf from '@tensorflow/tfjs';
import { trainingBatches } from '../data/batches';
import type { ImageSet } from '../data/imageSet';
import { deriveSeed } from '../data/seededRandom';
import type { Cnn, WeightSnapshot } from '../model/cnn';
import type { Optimizer } from '../optimizers/optimizer';

/**
 * Schedule-Free trains at y but is judged, and shipped, at the average x: validation, test
 * accuracy and model export switch to x (`optimizer.eval()`), and batch-norm statistics,
 * gathered while training at y, are refreshed for x first, as schedule_free's README advises
 * for batch-norm models. Other optimizers pass straight through.
 */

/**
 * Training-mode forward passes that refresh the statistics: the README's 50 batches, whose EMA
 * (momentum 0.1) leaves 0.9^50 ≈ 0.5 % of y's statistics.
 */
const REFRESH_BATCHES = 50;
const REFRESH_BATCH_SIZE = 64;

/** The training images whose batch statistics stand for x: the same ones every time. */
export interface RefreshData {
  train: ImageSet;
  seed: number;
}

/**
 * Folds REFRESH_BATCHES training-mode passes of the model as it is into its running statistics,
 * over as many epochs as that takes: a set of fewer batches would otherwise leave most of y's.
 */
export function refreshBatchNormStats(model: Cnn, data: RefreshData): void {
  let done = 0;
  for (let epoch = 0; done < REFRESH_BATCHES; epoch++) {
    const batches = trainingBatches(data.train, {
      batchSize: REFRESH_BATCH_SIZE,
      // Its own order: the refresh must not shift the batches training will see.
      seed: deriveSeed(data.seed, 977),
      epoch,
    });
    let numBatches = 0;
    for (const { xs, ys } of batches) {
      numBatches++;
      tf.tidy(() => model.updateRunningStats(model.forwardTraining(xs).moments));
      tf.dispose([xs, ys]);
      if (++done === REFRESH_BATCHES) break;
    }
    batches.return(undefined);
    // An empty set has nothing to refresh from.
    if (numBatches === 0) return;
  }
}

/**
 * Runs `measure` with the model at the point to evaluate: for Schedule-Free, x with refreshed
 * batch-norm statistics, and afterwards y and its own statistics back, bitwise.
 */
export async function atEvaluationPoint<T>(
  model: Cnn,
  optimizer: Optimizer,
  data: RefreshData,
  measure: () => Promise<T>,
): Promise<T> {
  if (!optimizer.hasAveragedPoint || optimizer.step === 0) return measure();
  const training: WeightSnapshot = model.getWeights();
  optimizer.eval();
  try {
    if (model.options.batchNorm) refreshBatchNormStats(model, data);
    return await measure();
  } finally {
    optimizer.train();
    model.setWeights(training);
    tf.dispose(Object.values(training));
  }
}
