import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { maxPoolGradWasm } from './maxPoolGradWasm';

type Shape4 = [number, number, number, number];
interface Case {
  xShape: Shape4;
  size: number;
  stride: number;
  pad: 'same' | 'valid';
  /** Values rounded to a few levels, after a ReLU: windows with tied maxima, zeros among them. */
  ties?: boolean;
}

/** dL/dx of L = Σ maxPool(x) ⊙ w for fixed weights w. */
function poolGradient({ xShape, size, stride, pad, ties }: Case): () => tf.Tensor {
  return () => {
    let x: tf.Tensor4D = tf.tensor4d(
      testValues(
        xShape.reduce((a, b) => a * b),
        7,
      ),
      xShape,
    );
    if (ties) x = tf.relu(tf.round(tf.mul(x, 2))) as tf.Tensor4D;
    return tf.grad((input) => {
      const y = tf.maxPool(input as tf.Tensor4D, size, stride, pad);
      return tf.sum(tf.mul(y, tf.tensor(testValues(y.size, 8), y.shape)));
    })(x);
  };
}

const cases: Case[] = [
  { xShape: [4, 28, 28, 16], size: 2, stride: 2, pad: 'valid' },
  { xShape: [4, 28, 28, 16], size: 2, stride: 2, pad: 'valid', ties: true },
  { xShape: [1, 7, 9, 3], size: 2, stride: 2, pad: 'same' },
  { xShape: [2, 9, 8, 5], size: 3, stride: 2, pad: 'same', ties: true },
  { xShape: [2, 6, 7, 4], size: 3, stride: 1, pad: 'same' },
  { xShape: [3, 7, 7, 2], size: 3, stride: 2, pad: 'valid' },
];

describe('MaxPoolGrad on wasm in one pass over the windows', () => {
  it.each(cases)(
    'matches the cpu backend for x $xShape, window $size, stride $stride, $pad, ties: $ties',
    async (c) => {
      // Each window's dy goes to the same input as on cpu; only where windows overlap can
      // the order of adding differ.
      const overlapping = c.size > c.stride;
      expect(await wasmVsCpu(poolGradient(c))).toBeLessThanOrEqual(overlapping ? 1e-6 : 0);
      expect(await callsOfOurs(maxPoolGradWasm, poolGradient(c))).toEqual({
        ours: 1,
        leftToTfjs: 0,
      });
    },
  );
});
