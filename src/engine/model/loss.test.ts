import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { accuracy, softmaxCrossEntropy } from './loss';

describe('loss and accuracy', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('is the mean softmax cross-entropy against one-hot labels', () => {
    const logits = [
      [2, 0, -1],
      [0.5, 0.5, 3],
    ];
    const targets = [0, 1];
    const expected =
      logits
        .map((row, i) => {
          const logSum = Math.log(row.reduce((s, v) => s + Math.exp(v), 0));
          return logSum - row[targets[i]];
        })
        .reduce((a, b) => a + b) / 2;
    const loss = tf.tidy(() =>
      softmaxCrossEntropy(tf.tensor2d(logits), tf.oneHot(targets, 3).toFloat() as tf.Tensor2D),
    );
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    loss.dispose();
  });

  it('counts rows whose arg-max matches the label', () => {
    const acc = tf.tidy(() =>
      accuracy(
        tf.tensor2d([
          [2, 0, -1],
          [0.5, 0.5, 3],
          [0, 1, 0],
          [9, 1, 0],
        ]),
        tf.oneHot([0, 1, 1, 2], 3).toFloat() as tf.Tensor2D,
      ),
    );
    expect(acc.dataSync()[0]).toBe(0.5);
    acc.dispose();
  });
});
