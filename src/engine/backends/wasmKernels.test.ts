import * as tf from '@tensorflow/tfjs';
import { getKernel } from '@tensorflow/tfjs';
import { afterAll, describe, expect, it } from 'vitest';
import { testValues, valuesOn, wasmVsCpu } from '../../testing/wasmVsCpu';
import { createCnn } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';
import { REPLACEABLE_WASM_KERNELS, registerWasmTrainingKernels } from './wasmKernels';

/** Gradients of every parameter of the default CNN for one fixed batch. */
function modelGradients(): tf.Tensor[] {
  const model = createCnn({}, 11);
  try {
    const xs = tf
      .tensor4d(testValues(6 * 28 * 28, 17), [6, 28, 28, 1])
      .add(1)
      .div(2);
    const ys = tf.oneHot(tf.tensor1d([0, 1, 2, 3, 4, 9], 'int32'), 10).toFloat();
    const { grads } = tf.variableGrads(() =>
      softmaxCrossEntropy(model.forwardTraining(xs as tf.Tensor4D, 4).logits, ys as tf.Tensor2D),
    );
    return model.params.map((p) => grads[p.variable.name]);
  } finally {
    model.dispose();
  }
}

describe('registerWasmTrainingKernels', () => {
  afterAll(() => registerWasmTrainingKernels());

  it('switches each kernel between ours and tfjs’s, after the backend has started', async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    const ours = REPLACEABLE_WASM_KERNELS.map((name) => getKernel(name, 'wasm'));
    registerWasmTrainingKernels({ disable: REPLACEABLE_WASM_KERNELS });
    const theirs = REPLACEABLE_WASM_KERNELS.map((name) => getKernel(name, 'wasm'));
    theirs.forEach((kernel, i) => expect(kernel, REPLACEABLE_WASM_KERNELS[i]).not.toBe(ours[i]));
    // tfjs's kernels work again once restored (their setup has run).
    const withTheirs = await valuesOn('wasm', modelGradients);
    registerWasmTrainingKernels();
    REPLACEABLE_WASM_KERNELS.forEach((name, i) => expect(getKernel(name, 'wasm')).toBe(ours[i]));
    const withOurs = await valuesOn('wasm', modelGradients);
    const scale = withTheirs.reduce((m, t) => t.reduce((n, v) => Math.max(n, Math.abs(v)), m), 0);
    withOurs.forEach((values, p) => {
      values.forEach((v, i) => expect(Math.abs(v - withTheirs[p][i])).toBeLessThan(1e-4 * scale));
    });
  });

  const configs: [string, readonly string[]][] = [
    ['none of ours', REPLACEABLE_WASM_KERNELS],
    ...REPLACEABLE_WASM_KERNELS.map((k): [string, string[]] => [`all but ${k}`, [k]]),
  ];
  it.each(configs)(
    'gives the default model’s gradients the cpu backend gives with %s',
    async (_name, disable) => {
      expect(await wasmVsCpu(modelGradients, disable)).toBeLessThan(1e-4);
    },
  );

  it('names an unknown kernel to disable and the ones it knows', () => {
    expect(() => registerWasmTrainingKernels({ disable: ['Conv3D'] })).toThrow(
      /Unknown wasm kernel to disable: 'Conv3D' \(ours: .*MaxPoolGrad/,
    );
  });
});
