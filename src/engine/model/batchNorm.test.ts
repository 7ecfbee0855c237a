import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchNormInference, batchNormTraining, updateRunningStats } from './batchNorm';

describe('batch norm', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('normalises with batch statistics in training, like tf.batchNorm', () => {
    tf.tidy(() => {
      const x = tf.randomNormal([4, 5, 5, 3], 2, 3) as tf.Tensor4D;
      const gamma = tf.tensor1d([1, 2, 0.5]);
      const beta = tf.tensor1d([0, -1, 3]);
      const { y, moments } = batchNormTraining(x, gamma, beta);
      const ref = tf.batchNorm4d(x, moments.mean, moments.variance, beta, gamma, 1e-5);
      expect(tf.max(tf.abs(tf.sub(y, ref))).dataSync()[0]).toBeLessThan(1e-5);
      expect(moments.count).toBe(100);
    });
  });

  it('updates running statistics like PyTorch (momentum 0.1, unbiased variance)', () => {
    const runningMean = tf.variable(tf.tensor1d([1, 2]));
    const runningVar = tf.variable(tf.tensor1d([1, 1]));
    tf.tidy(() =>
      updateRunningStats(runningMean, runningVar, {
        mean: tf.tensor1d([3, -2]),
        variance: tf.tensor1d([4, 0.5]),
        count: 5,
      }),
    );
    const m = runningMean.dataSync();
    const v = runningVar.dataSync();
    expect(m[0]).toBeCloseTo(0.9 * 1 + 0.1 * 3, 6);
    expect(m[1]).toBeCloseTo(0.9 * 2 + 0.1 * -2, 6);
    expect(v[0]).toBeCloseTo(0.9 + 0.1 * 4 * (5 / 4), 6);
    expect(v[1]).toBeCloseTo(0.9 + 0.1 * 0.5 * (5 / 4), 6);
    tf.dispose([runningMean, runningVar]);
  });

  it('uses the running statistics for inference', () => {
    tf.tidy(() => {
      const x = tf.fill([1, 1, 1, 2], 5) as tf.Tensor4D;
      const y = batchNormInference(
        x,
        tf.tensor1d([1, 2]),
        tf.tensor1d([0, 1]),
        tf.tensor1d([1, 3]),
        tf.tensor1d([4, 1]),
      );
      const [a, b] = y.dataSync();
      expect(a).toBeCloseTo((5 - 1) / Math.sqrt(4 + 1e-5), 5);
      expect(b).toBeCloseTo((2 * (5 - 3)) / Math.sqrt(1 + 1e-5) + 1, 5);
    });
  });
});
