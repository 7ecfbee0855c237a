/**
 * Until the engine reports the loaded dataset, the page assumes MNIST: 60,000 training images
 * less a 5,000-image validation split, in batches of 64.
 */
export const ASSUMED_TRAIN_SIZE = 55_000;
export const ASSUMED_BATCH_SIZE = 64;

/** Iterations in one pass over the training set (the last, partial batch counts). */
export function iterationsPerEpoch(trainSize: number, batchSize: number): number {
  return Math.ceil(trainSize / batchSize);
}
