import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { batchMatMulWasm } from './batchMatMulWasm';

interface Case {
  aShape: number[];
  bShape: number[];
  transposeA: boolean;
  transposeB: boolean;
}

function product({ aShape, bShape, transposeA, transposeB }: Case): () => tf.Tensor {
  return () =>
    tf.matMul(
      tf.tensor(
        testValues(
          aShape.reduce((x, y) => x * y),
          9,
        ),
        aShape,
      ),
      tf.tensor(
        testValues(
          bShape.reduce((x, y) => x * y),
          10,
        ),
        bShape,
      ),
      transposeA,
      transposeB,
    );
}

const cases: Case[] = [
  { aShape: [64, 1568], bShape: [64, 64], transposeA: true, transposeB: false },
  { aShape: [64, 64], bShape: [1568, 64], transposeA: false, transposeB: true },
  { aShape: [7, 5], bShape: [3, 7], transposeA: true, transposeB: true },
  { aShape: [2, 4, 3], bShape: [2, 4, 5], transposeA: true, transposeB: false },
  { aShape: [3, 4, 6], bShape: [1, 5, 6], transposeA: false, transposeB: true },
  { aShape: [5, 4], bShape: [4, 6], transposeA: false, transposeB: false },
];

describe('BatchMatMul on wasm with transposed operands', () => {
  it.each(cases)(
    'matches the cpu backend for $aShape × $bShape, transposeA $transposeA, transposeB $transposeB',
    async (c) => {
      expect(await wasmVsCpu(product(c))).toBeLessThan(1e-5);
      // Untransposed products go to tfjs's XNNPACK kernel, also the one ours makes.
      const transposed = c.transposeA || c.transposeB;
      expect(await callsOfOurs(batchMatMulWasm, product(c))).toEqual(
        transposed ? { ours: 1, leftToTfjs: 1 } : { ours: 0, leftToTfjs: 1 },
      );
    },
  );

  it('gives the dense layer’s weight and input gradients the cpu backend gives', async () => {
    const gradients = () => {
      const x = tf.tensor2d(testValues(64 * 100, 11), [64, 100]);
      const w = tf.tensor2d(testValues(100 * 10, 12), [100, 10]);
      const dy = tf.tensor2d(testValues(64 * 10, 13), [64, 10]);
      return tf.grads((a, b) => tf.sum(tf.mul(tf.matMul(a, b), dy)))([x, w]);
    };
    expect(await wasmVsCpu(gradients)).toBeLessThan(1e-5);
  });
});
