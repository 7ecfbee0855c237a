import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { prepareWasm } from '../backends/wasmSetup';
import { createCnn, type Cnn } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';
import { createOptimizer } from './optimizer';
import { trainStep } from './trainStep';

/**
 * Noise images whose class is the position of a bright 6×6 square (a 5×2 grid),
 * seeded so every run sees the same data.
 */
function squaresBatch(size: number, seed: number): { xs: tf.Tensor4D; ys: tf.Tensor2D } {
  let state = seed;
  const random = (): number => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pixels = new Float32Array(size * 28 * 28);
  const labels: number[] = [];
  for (let n = 0; n < size; n++) {
    const label = Math.floor(random() * 10);
    labels.push(label);
    const top = 2 + Math.floor(label / 5) * 14 + Math.floor(random() * 3);
    const left = 1 + (label % 5) * 5 + Math.floor(random() * 2);
    for (let i = 0; i < 28 * 28; i++) pixels[n * 784 + i] = random() * 0.3;
    for (let r = top; r < top + 6; r++) {
      for (let c = left; c < Math.min(28, left + 4); c++) pixels[n * 784 + r * 28 + c] = 1;
    }
  }
  return {
    xs: tf.tensor4d(pixels, [size, 28, 28, 1]),
    ys: tf.tidy(() =>
      tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), 10), 'float32'),
    ) as tf.Tensor2D,
  };
}

function readAndDispose(result: { loss: tf.Scalar; accuracy: tf.Scalar }): [number, number] {
  const values: [number, number] = [result.loss.dataSync()[0], result.accuracy.dataSync()[0]];
  tf.dispose([result.loss, result.accuracy]);
  return values;
}

function flatWeights(model: Cnn): Float32Array[] {
  const snapshot = model.getWeights();
  const values = Object.values(snapshot).map((t) => t.dataSync().slice() as Float32Array);
  tf.dispose(snapshot);
  return values;
}

describe('trainStep (wasm backend, our kernels)', () => {
  const owned: { dispose(): void }[] = [];
  const own = <T extends { dispose(): void }>(x: T): T => {
    owned.push(x);
    return x;
  };

  beforeAll(async () => {
    prepareWasm();
    expect(await tf.setBackend('wasm')).toBe(true);
  });
  afterEach(() => owned.splice(0).forEach((x) => x.dispose()));

  it('with plain SGD changes each parameter by exactly −lr·grad', () => {
    const model = own(createCnn({}, 1));
    const optimizer = own(createOptimizer('sgd', model.params));
    const { xs, ys } = squaresBatch(8, 1);
    own(xs);
    own(ys);
    const before = model.params.map((p) => p.variable.dataSync().slice());
    const variables = model.params.map((p) => p.variable);
    // Same dropout seed, so the same forward pass as the step's.
    const { value, grads } = tf.variableGrads(
      () => softmaxCrossEntropy(model.forwardTraining(xs, 5).logits, ys),
      variables,
    );
    const expectedGrads = variables.map((v) => grads[v.name].dataSync().slice());
    tf.dispose([value, ...Object.values(grads)]);

    readAndDispose(trainStep(model, optimizer, xs, ys, { lr: 0.05 }, 5));

    model.params.forEach((p, i) => {
      const after = p.variable.dataSync();
      after.forEach((a, j) => {
        const expected = Math.fround(
          before[i][j] - Math.fround(Math.fround(0.05) * expectedGrads[i][j]),
        );
        expect(a).toBe(expected);
      });
    });
  });

  it('continues bitwise identically after restoring weights and optimizer state', () => {
    const model = own(createCnn({}, 2));
    const optimizer = own(createOptimizer('sgdMomentum', model.params));
    const { xs, ys } = squaresBatch(8, 2);
    own(xs);
    own(ys);
    readAndDispose(trainStep(model, optimizer, xs, ys, { lr: 0.05, momentum: 0.9 }, 1));
    const weights = model.getWeights();
    const state = optimizer.snapshot();
    const before = flatWeights(model);

    const run = (): [number, number][] =>
      [2, 3, 4].map((seed) =>
        readAndDispose(trainStep(model, optimizer, xs, ys, { lr: 0.1, momentum: 0.8 }, seed)),
      );
    const first = run();
    expect(flatWeights(model)).not.toEqual(before);

    model.setWeights(weights);
    optimizer.restore(state);
    expect(flatWeights(model)).toEqual(before);
    expect(run()).toEqual(first);
    tf.dispose([...Object.values(weights), ...Object.values(state.slots)]);
  });

  it('keeps the tensor count flat over 500 steps', () => {
    const model = own(createCnn({}, 3));
    const optimizer = own(createOptimizer('adam', model.params));
    const { xs, ys } = squaresBatch(2, 3);
    own(xs);
    own(ys);
    readAndDispose(trainStep(model, optimizer, xs, ys, { lr: 1e-3 }, 0));
    const before = tf.memory().numTensors;
    for (let i = 1; i <= 500; i++) {
      const result = trainStep(
        model,
        optimizer,
        xs,
        ys,
        { lr: 1e-3, beta1: 0.9 - 0.1 * (i % 2) },
        i,
      );
      if (i % 100 === 0) readAndDispose(result);
      else tf.dispose([result.loss, result.accuracy]);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it.each(['sgdMomentum', 'adam'] as const)('learns a small synthetic problem with %s', (name) => {
    const model = own(createCnn({}, 4));
    const optimizer = own(createOptimizer(name, model.params));
    const lr = name === 'adam' ? 3e-3 : 0.05;
    for (let i = 0; i < 30; i++) {
      const { xs, ys } = squaresBatch(32, 100 + i);
      readAndDispose(trainStep(model, optimizer, xs, ys, { lr }, i));
      tf.dispose([xs, ys]);
    }
    const test = squaresBatch(200, 7);
    const acc = tf.tidy(() =>
      tf.mean(
        tf.cast(tf.equal(tf.argMax(model.predict(test.xs), 1), tf.argMax(test.ys, 1)), 'float32'),
      ),
    );
    expect(acc.dataSync()[0]).toBeGreaterThan(0.9);
    tf.dispose([acc, test.xs, test.ys]);
  });
});
