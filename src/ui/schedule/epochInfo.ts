/** Until the engine reports the loaded dataset: MNIST's 60,000 training images less a 5,000 validation split. */
export const ASSUMED_TRAIN_SIZE = 55_000;

/** Iterations in one pass over the training set (the last, partial batch counts). */
export function iterationsPerEpoch(trainSize: number, batchSize: number): number {
  return Math.ceil(trainSize / batchSize);
}
