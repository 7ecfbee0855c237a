import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { conv2dBackpropInputWasm } from './conv2dBackpropInputWasm';

type Shape4 = [number, number, number, number];
interface Case {
  xShape: Shape4;
  filterShape: Shape4;
  stride: number;
  pad: 'same' | 'valid';
  ours: boolean;
}

/** dL/dx of L = Σ conv2d(x, filter) ⊙ w for fixed weights w. */
function inputGradient({ xShape, filterShape, stride, pad }: Case): () => tf.Tensor {
  return () => {
    const filter = tf.tensor4d(
      testValues(
        filterShape.reduce((a, b) => a * b),
        1,
      ),
      filterShape,
    );
    const x = tf.tensor4d(
      testValues(
        xShape.reduce((a, b) => a * b),
        2,
      ),
      xShape,
    );
    return tf.grad((input) => {
      const y = tf.conv2d(input as tf.Tensor4D, filter, stride, pad);
      return tf.sum(tf.mul(y, tf.tensor(testValues(y.size, 3), y.shape)));
    })(x);
  };
}

const cases: Case[] = [
  { xShape: [4, 14, 14, 16], filterShape: [3, 3, 16, 32], stride: 1, pad: 'same', ours: true },
  { xShape: [1, 9, 7, 5], filterShape: [3, 3, 5, 6], stride: 1, pad: 'same', ours: true },
  { xShape: [2, 10, 11, 3], filterShape: [5, 3, 3, 4], stride: 1, pad: 'same', ours: true },
  { xShape: [2, 8, 9, 2], filterShape: [4, 2, 2, 3], stride: 1, pad: 'same', ours: true },
  { xShape: [3, 8, 8, 2], filterShape: [3, 3, 2, 3], stride: 1, pad: 'valid', ours: true },
  { xShape: [2, 10, 11, 3], filterShape: [3, 3, 3, 4], stride: 2, pad: 'same', ours: false },
];

describe('Conv2DBackpropInput on wasm as a convolution with the turned filter', () => {
  it.each(cases)(
    'matches the cpu backend for x $xShape, filter $filterShape, stride $stride, $pad',
    async (c) => {
      expect(await wasmVsCpu(inputGradient(c))).toBeLessThan(1e-5);
      const calls = await callsOfOurs(conv2dBackpropInputWasm, inputGradient(c));
      // Strided convolutions are left to tfjs's own kernel.
      expect(calls).toEqual(c.ours ? { ours: 1, leftToTfjs: 0 } : { ours: 0, leftToTfjs: 1 });
    },
  );
});
