import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluationBatches, trainingBatches } from './batches';
import type { ImageSet } from './imageSet';
import { syntheticDataset } from './synthetic';

function histogram(set: ImageSet): number[] {
  const counts = new Array<number>(set.numClasses).fill(0);
  for (const label of set.labels) counts[label]++;
  return counts;
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));

// Small enough for the cpu backend's naive conv backprop; seeded weights give a fixed result.
function tinyCnn(): tf.Sequential {
  const kernelInitializer = tf.initializers.glorotUniform({ seed: 1 });
  const model = tf.sequential({
    layers: [
      tf.layers.maxPooling2d({ inputShape: [28, 28, 1], poolSize: 2 }),
      tf.layers.conv2d({ filters: 8, kernelSize: 3, activation: 'relu', kernelInitializer }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer }),
    ],
  });
  model.compile({ optimizer: tf.train.adam(0.01), loss: 'categoricalCrossentropy' });
  return model;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('synthetic dataset', () => {
  it('is the same for the same seed and balanced over ten classes', () => {
    const data = syntheticDataset({ seed: 3 });
    const again = syntheticDataset({ seed: 3 });
    for (const split of ['train', 'validation', 'test'] as const) {
      expect(sameBytes(again[split].images, data[split].images)).toBe(true);
      expect(sameBytes(again[split].labels, data[split].labels)).toBe(true);
    }
    expect(sameBytes(syntheticDataset({ seed: 4 }).train.images, data.train.images)).toBe(false);
    expect(data.train).toMatchObject({ count: 500, rows: 28, cols: 28, numClasses: 10 });
    expect(histogram(data.train)).toEqual(new Array(10).fill(50));
    expect(histogram(data.test)).toEqual(new Array(10).fill(10));
    expect(sameBytes(data.validation.images, data.train.images.subarray(0, 100 * 784))).toBe(false);
  });

  it('is learnt by a small CNN in a few dozen steps', async () => {
    const data = syntheticDataset({ seed: 1 });
    const model = tinyCnn();
    let steps = 0;
    for (let epoch = 0; steps < 40; epoch++) {
      for (const { xs, ys } of trainingBatches(data.train, { batchSize: 32, seed: 1, epoch })) {
        await model.trainOnBatch(xs, ys);
        tf.dispose([xs, ys]);
        if (++steps === 40) break;
      }
    }
    let correct = 0;
    for (const { xs, ys } of evaluationBatches(data.test, 50)) {
      correct += tf.tidy(
        () => (model.predict(xs) as tf.Tensor).argMax(1).equal(ys.argMax(1)).sum().dataSync()[0],
      );
      tf.dispose([xs, ys]);
    }
    model.dispose();
    expect(correct / data.test.count).toBeGreaterThan(0.9);
  });
});
