import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerWasmTrainingKernels } from './wasmKernels';

type Shape4 = [number, number, number, number];

/** dL/dfilter of L = Σ conv2d(x, filter) ⊙ dy, on the current backend. */
function filterGradient(
  x: Float32Array,
  xShape: Shape4,
  filterShape: Shape4,
  dy: Float32Array,
  stride: number,
  pad: 'same' | 'valid',
): Float32Array {
  const result = tf.tidy(() => {
    const xs = tf.tensor4d(x, xShape);
    const grad = tf.grad((filter) => {
      const y = tf.conv2d(xs, filter as tf.Tensor4D, stride, pad);
      return tf.sum(tf.mul(y, tf.tensor(dy, y.shape)));
    });
    return grad(tf.zeros(filterShape));
  });
  const values = result.dataSync() as Float32Array;
  result.dispose();
  return values;
}

function outputSize(size: number, k: number, stride: number, pad: 'same' | 'valid'): number {
  return pad === 'same' ? Math.ceil(size / stride) : Math.ceil((size - k + 1) / stride);
}

const cases: { xShape: Shape4; filterShape: Shape4; stride: number; pad: 'same' | 'valid' }[] = [
  { xShape: [4, 28, 28, 1], filterShape: [3, 3, 1, 16], stride: 1, pad: 'same' },
  { xShape: [4, 14, 14, 16], filterShape: [3, 3, 16, 32], stride: 1, pad: 'same' },
  { xShape: [3, 9, 7, 5], filterShape: [3, 3, 5, 6], stride: 1, pad: 'same' },
  { xShape: [2, 10, 11, 3], filterShape: [5, 3, 3, 4], stride: 2, pad: 'same' },
  { xShape: [2, 8, 8, 2], filterShape: [3, 3, 2, 3], stride: 1, pad: 'valid' },
  // One input channel runs our SIMD loop: 16 channels at a time, then 4 at a time.
  { xShape: [3, 9, 8, 1], filterShape: [5, 3, 1, 20], stride: 1, pad: 'same' },
  { xShape: [2, 7, 10, 1], filterShape: [3, 3, 1, 8], stride: 1, pad: 'valid' },
];

describe('Conv2DBackpropFilter for the wasm backend', () => {
  beforeAll(async () => {
    // This im2col kernel, not the XNNPACK one that takes over from it for wide inputs.
    registerWasmTrainingKernels({ disable: ['Conv2DBackpropFilter'] });
    expect(await tf.setBackend('wasm')).toBe(true);
  });

  it.each(cases)(
    'matches the cpu backend for x $xShape, filter $filterShape, stride $stride, $pad',
    async ({ xShape, filterShape, stride, pad }) => {
      const x = Float32Array.from(
        { length: xShape.reduce((a, b) => a * b) },
        () => Math.random() * 2 - 1,
      );
      const outH = outputSize(xShape[1], filterShape[0], stride, pad);
      const outW = outputSize(xShape[2], filterShape[1], stride, pad);
      const dy = Float32Array.from(
        { length: xShape[0] * outH * outW * filterShape[3] },
        () => Math.random() * 2 - 1,
      );

      await tf.setBackend('wasm');
      const onWasm = filterGradient(x, xShape, filterShape, dy, stride, pad);
      await tf.setBackend('cpu');
      const onCpu = filterGradient(x, xShape, filterShape, dy, stride, pad);
      await tf.setBackend('wasm');

      expect(onWasm.length).toBe(onCpu.length);
      let maxDiff = 0;
      onCpu.forEach((v, i) => (maxDiff = Math.max(maxDiff, Math.abs(v - onWasm[i]))));
      expect(maxDiff).toBeLessThan(1e-3);
    },
  );

  it('leaves no tensors or wasm buffers behind', async () => {
    await tf.setBackend('wasm');
    const x = new Float32Array(2 * 6 * 6 * 2).fill(0.5);
    const dy = new Float32Array(2 * 6 * 6 * 3).fill(0.25);
    filterGradient(x, [2, 6, 6, 2], [3, 3, 2, 3], dy, 1, 'same');
    const before = tf.memory().numTensors;
    const buffersBefore = tf.engine().backend.numDataIds();
    filterGradient(x, [2, 6, 6, 2], [3, 3, 2, 3], dy, 1, 'same');
    expect(tf.memory().numTensors).toBe(before);
    expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
  });
});
