import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCnn, MNIST_SHAPE, type CnnOptions, type InputShape } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';
import { prepareWasm } from './wasmSetup';

/** Gradients of every parameter of the CNN for `shape` for one fixed batch, on `backend`. */
async function modelGradients(
  backend: string,
  shape: InputShape = MNIST_SHAPE,
  options: Partial<CnnOptions> = {},
): Promise<Record<string, Float32Array>> {
  await tf.setBackend(backend);
  const model = createCnn(options, 11, shape);
  const result = tf.tidy(() => {
    const { side, channels, numClasses } = shape;
    const xs = tf.randomUniform([6, side, side, channels], 0, 1, 'float32', 3) as tf.Tensor4D;
    const labels = [0, 1, 2, 3, 4, 9].map((label) => label % numClasses);
    const ys = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), numClasses), 'float32');
    const { grads } = tf.variableGrads(() =>
      softmaxCrossEntropy(model.forwardTraining(xs, 4).logits, ys as tf.Tensor2D),
    );
    return grads;
  });
  const values = Object.fromEntries(
    model.params.map((p) => [p.name, result[p.variable.name].dataSync().slice() as Float32Array]),
  );
  tf.dispose(Object.values(result));
  model.dispose();
  return values;
}

describe('the model’s gradients on wasm, for each input shape', () => {
  beforeAll(() => prepareWasm());

  it.each([
    ['28×28 grey, 10 classes', MNIST_SHAPE, true],
    ['32×32 colour, 10 classes (CIFAR-10)', { side: 32, channels: 3, numClasses: 10 }, true],
    ['32×32 colour, 100 classes, no batch norm', { side: 32, channels: 3, numClasses: 100 }, false],
    ['28×28 colour, 2 classes', { side: 28, channels: 3, numClasses: 2 }, true],
    ['32×32 grey, 7 classes, no batch norm', { side: 32, channels: 1, numClasses: 7 }, false],
  ] as const)('match the cpu backend for every parameter: %s', async (_, shape, batchNorm) => {
    const onCpu = await modelGradients('cpu', shape, { batchNorm });
    const onWasm = await modelGradients('wasm', shape, { batchNorm });
    // Conv biases ahead of batch norm have a true gradient of 0; both backends give float noise.
    for (const [name, expected] of Object.entries(onCpu)) {
      const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const diff = expected.reduce((m, v, i) => Math.max(m, Math.abs(v - onWasm[name][i])), 0);
      expect(diff, name).toBeLessThanOrEqual(1e-4 * scale + 1e-6);
    }
  });
});
