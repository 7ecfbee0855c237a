import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchesPerEpoch, evaluationBatches, trainingBatches, type Batch } from './batches';
import { syntheticDataset } from './synthetic';

const { train } = syntheticDataset({ numTrain: 250 });

/** Reads a batch back to plain arrays and disposes it. */
function take(batch: Batch): { xs: Float32Array; labels: number[]; shape: number[] } {
  const xs = batch.xs.dataSync() as Float32Array;
  const argMax = batch.ys.argMax(1);
  const labels = Array.from(argMax.dataSync());
  const shape = batch.xs.shape;
  tf.dispose([batch.xs, batch.ys, argMax]);
  return { xs, labels, shape };
}

function epochLabels(seed: number, epoch: number, augment = false): number[] {
  return [...trainingBatches(train, { batchSize: 64, seed, epoch, augment })].flatMap(
    (batch) => take(batch).labels,
  );
}

function epochPixels(seed: number, augment: boolean): Float32Array[] {
  return [...trainingBatches(train, { batchSize: 64, seed, epoch: 0, augment })].map(
    (batch) => take(batch).xs,
  );
}

const sum = (values: Float32Array[]): number =>
  values.reduce((total, xs) => total + xs.reduce((s, v) => s + v, 0), 0);

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('training batches', () => {
  it('have [B,28,28,1] pixels in [0,1] and one-hot [B,10] labels, the last batch partial', () => {
    const batches = [...trainingBatches(train, { batchSize: 64, seed: 1, epoch: 0 })];
    expect(batches).toHaveLength(batchesPerEpoch(250, 64));
    expect(batches.map((b) => b.xs.shape)).toEqual([
      [64, 28, 28, 1],
      [64, 28, 28, 1],
      [64, 28, 28, 1],
      [58, 28, 28, 1],
    ]);
    for (const { xs, ys } of batches) {
      expect(xs.dtype).toBe('float32');
      expect(ys.dtype).toBe('float32');
      expect(ys.shape).toEqual([xs.shape[0], 10]);
      const pixels = xs.dataSync();
      expect(pixels.every((v) => v >= 0 && v <= 1)).toBe(true);
      const oneHot = Array.from(ys.dataSync());
      expect(oneHot.every((v) => v === 0 || v === 1)).toBe(true);
      expect(oneHot.filter((v) => v === 1)).toHaveLength(xs.shape[0]);
    }
    tf.dispose(batches.flatMap((b) => [b.xs, b.ys]));
  });

  it('visit every image once per epoch, in an order fixed by seed and epoch', () => {
    const labels = epochLabels(1, 0);
    expect([...labels].sort()).toEqual([...train.labels].sort());
    expect(epochLabels(1, 0)).toEqual(labels);
    expect(epochLabels(1, 1)).not.toEqual(labels);
    expect(epochLabels(2, 0)).not.toEqual(labels);
  });

  it('leak no tensors once each batch is disposed', () => {
    const before = tf.memory().numTensors;
    for (let epoch = 0; epoch < 3; epoch++) {
      for (const batch of trainingBatches(train, {
        batchSize: 32,
        seed: 5,
        epoch,
        augment: true,
      })) {
        tf.dispose([batch.xs, batch.ys]);
        expect(tf.memory().numTensors).toBe(before);
      }
    }
    const partial = trainingBatches(train, { batchSize: 32, seed: 5, epoch: 0 });
    take(partial.next().value as Batch);
    partial.return(undefined); // a consumer that stops early leaves nothing behind either
    expect(tf.memory().numTensors).toBe(before);
  });

  it('shift images when augmenting, keeping the order, the pixel mass and the seed', () => {
    const plain = epochPixels(9, false);
    const shifted = epochPixels(9, true);
    expect(epochLabels(9, 0, true)).toEqual(epochLabels(9, 0, false));
    expect(shifted).not.toEqual(plain);
    expect(sum(shifted) / sum(plain)).toBeGreaterThan(0.9);
    expect(sum(shifted) / sum(plain)).toBeLessThanOrEqual(1);
    expect(epochPixels(9, true)).toEqual(shifted);
    expect(epochPixels(10, true)[0]).not.toEqual(epochPixels(10, false)[0]);
  });
});

describe('evaluation batches', () => {
  it('keep the stored order, unshifted', () => {
    const labels = [...evaluationBatches(train, 100)].flatMap((batch) => take(batch).labels);
    expect(labels).toEqual(Array.from(train.labels));
    const first = take(evaluationBatches(train, 1).next().value as Batch);
    expect(first.shape).toEqual([1, 28, 28, 1]);
    expect(Array.from(first.xs, (v) => Math.round(v * 255))).toEqual(
      Array.from(train.images.subarray(0, 784)),
    );
  });

  it('reject a batch size that is not a positive integer', () => {
    expect(() => evaluationBatches(train, 0).next()).toThrow(/batchSize/);
    expect(() => trainingBatches(train, { batchSize: 2.5, seed: 1, epoch: 0 }).next()).toThrow(
      /batchSize/,
    );
  });
});
