import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCnn } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';
import { prepareWasm } from './wasmSetup';

/** Gradients of every parameter of the default CNN for one fixed batch, on `backend`. */
async function modelGradients(backend: string): Promise<Record<string, Float32Array>> {
  await tf.setBackend(backend);
  const model = createCnn({}, 11);
  const result = tf.tidy(() => {
    const xs = tf.randomUniform([6, 28, 28, 1], 0, 1, 'float32', 3) as tf.Tensor4D;
    const ys = tf.cast(tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 9], 'int32'), 10), 'float32');
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

describe('the default model’s gradients on wasm', () => {
  beforeAll(() => prepareWasm());

  it('match the cpu backend for every parameter', async () => {
    const onCpu = await modelGradients('cpu');
    const onWasm = await modelGradients('wasm');
    // Conv biases ahead of batch norm have a true gradient of 0; both backends give float noise.
    for (const [name, expected] of Object.entries(onCpu)) {
      const scale = expected.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      const diff = expected.reduce((m, v, i) => Math.max(m, Math.abs(v - onWasm[name][i])), 0);
      expect(diff, name).toBeLessThanOrEqual(1e-4 * scale + 1e-6);
    }
  });
});
