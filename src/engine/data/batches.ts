import * as tf from '@tensorflow/tfjs';
import { randomShift, writeShiftedImage } from './augment';
import type { ImageSet } from './imageSet';
import { deriveSeed, mulberry32, seededPermutation, type Random } from './seededRandom';

/**
 * One step's data: `xs` [B, rows, cols, channels] float32 in [0, 1] and `ys` [B, numClasses] one-hot
 * float32. The consumer owns both tensors and disposes them (e.g. `tf.dispose([xs, ys])`).
 */
export interface Batch {
  readonly xs: tf.Tensor4D;
  readonly ys: tf.Tensor2D;
}

export interface EpochOptions {
  readonly batchSize: number;
  /** The run's data seed: the same seed and epoch give the same order and the same shifts. */
  readonly seed: number;
  /** 0-based; each epoch gets its own order without replaying the ones before it. */
  readonly epoch: number;
  /** Random shifts of up to ±2 pixels (light augmentation). */
  readonly augment?: boolean;
}

/** Steps per epoch: the last, partial batch counts, as in PyTorch's DataLoader by default. */
export function batchesPerEpoch(count: number, batchSize: number): number {
  return Math.ceil(count / batchSize);
}

/** Yields one epoch of training batches in seeded order; tensors are made only when asked for. */
export function* trainingBatches(set: ImageSet, options: EpochOptions): Generator<Batch> {
  const { batchSize, seed, epoch, augment = false } = options;
  checkBatchSize(batchSize);
  // Separate streams, so that turning augmentation on leaves the order unchanged.
  const order = seededPermutation(set.count, mulberry32(deriveSeed(seed, 2 * epoch)));
  const shiftRandom = augment ? mulberry32(deriveSeed(seed, 2 * epoch + 1)) : undefined;
  for (let start = 0; start < set.count; start += batchSize) {
    yield makeBatch(set, order.subarray(start, start + batchSize), shiftRandom);
  }
}

/** Yields batches in stored order, unshuffled and unshifted, for validation and test. */
export function* evaluationBatches(set: ImageSet, batchSize: number): Generator<Batch> {
  checkBatchSize(batchSize);
  for (let start = 0; start < set.count; start += batchSize) {
    const end = Math.min(start + batchSize, set.count);
    yield makeBatch(
      set,
      Uint32Array.from({ length: end - start }, (_, i) => start + i),
    );
  }
}

function checkBatchSize(batchSize: number): void {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  }
}

// Built on the CPU side and uploaded once: no intermediate tensors, so nothing to leak.
function makeBatch(set: ImageSet, indices: Uint32Array, shiftRandom?: Random): Batch {
  const { rows, cols, channels, numClasses } = set;
  const size = rows * cols * channels;
  const pixels = new Float32Array(indices.length * size);
  const oneHot = new Float32Array(indices.length * numClasses);
  indices.forEach((index, i) => {
    const dx = shiftRandom ? randomShift(shiftRandom) : 0;
    const dy = shiftRandom ? randomShift(shiftRandom) : 0;
    writeShiftedImage(pixels, i * size, set.images, index * size, { rows, cols, channels }, dx, dy);
    oneHot[i * numClasses + set.labels[index]] = 1;
  });
  return {
    xs: tf.tensor4d(pixels, [indices.length, rows, cols, channels]),
    ys: tf.tensor2d(oneHot, [indices.length, numClasses]),
  };
}
