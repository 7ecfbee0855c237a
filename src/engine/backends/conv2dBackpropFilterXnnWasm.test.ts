import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { conv2dBackpropFilterXnnWasm } from './conv2dBackpropFilterXnnWasm';

type Shape4 = [number, number, number, number];
interface Case {
  xShape: Shape4;
  filterShape: Shape4;
  stride: number;
  pad: 'same' | 'valid';
  ours: boolean;
}

/** dL/dfilter of L = Σ conv2d(x, filter) ⊙ w for fixed weights w. */
function filterGradient({ xShape, filterShape, stride, pad }: Case): () => tf.Tensor {
  return () => {
    const x = tf.tensor4d(
      testValues(
        xShape.reduce((a, b) => a * b),
        4,
      ),
      xShape,
    );
    const filter = tf.tensor4d(
      testValues(
        filterShape.reduce((a, b) => a * b),
        5,
      ),
      filterShape,
    );
    return tf.grad((f) => {
      const y = tf.conv2d(x, f as tf.Tensor4D, stride, pad);
      return tf.sum(tf.mul(y, tf.tensor(testValues(y.size, 6), y.shape)));
    })(filter);
  };
}

const cases: Case[] = [
  { xShape: [4, 14, 14, 16], filterShape: [3, 3, 16, 32], stride: 1, pad: 'same', ours: true },
  { xShape: [1, 9, 7, 8], filterShape: [3, 3, 8, 6], stride: 1, pad: 'same', ours: true },
  { xShape: [2, 10, 11, 9], filterShape: [5, 3, 9, 4], stride: 1, pad: 'same', ours: true },
  { xShape: [2, 8, 9, 8], filterShape: [4, 2, 8, 3], stride: 1, pad: 'same', ours: true },
  { xShape: [3, 8, 8, 10], filterShape: [3, 3, 10, 3], stride: 1, pad: 'valid', ours: true },
  // Output channels in sixteens run our SIMD loop, also for odd and few input channels.
  { xShape: [2, 7, 9, 3], filterShape: [3, 3, 3, 16], stride: 1, pad: 'valid', ours: true },
  { xShape: [2, 6, 5, 5], filterShape: [5, 3, 5, 32], stride: 1, pad: 'same', ours: true },
  // Left to the im2col kernel: few input channels, strides.
  { xShape: [4, 28, 28, 1], filterShape: [3, 3, 1, 16], stride: 1, pad: 'same', ours: false },
  { xShape: [2, 10, 11, 8], filterShape: [3, 3, 8, 4], stride: 2, pad: 'same', ours: false },
];

describe('Conv2DBackpropFilter on wasm as an XNNPACK convolution', () => {
  it.each(cases)(
    'matches the cpu backend for x $xShape, filter $filterShape, stride $stride, $pad',
    async (c) => {
      expect(await wasmVsCpu(filterGradient(c))).toBeLessThan(1e-5);
      const calls = await callsOfOurs(conv2dBackpropFilterXnnWasm, filterGradient(c));
      expect(calls).toEqual(c.ours ? { ours: 1, leftToTfjs: 0 } : { ours: 0, leftToTfjs: 1 });
    },
  );
});
