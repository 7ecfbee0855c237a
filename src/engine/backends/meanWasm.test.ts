import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { meanWasm } from './meanWasm';

interface Case {
  shape: number[];
  axis: number[];
  keepDims: boolean;
  ours: boolean;
}

function average({ shape, axis, keepDims }: Case): () => tf.Tensor {
  return () =>
    tf.mean(
      tf.tensor(
        testValues(
          shape.reduce((a, b) => a * b),
          15,
        ),
        shape,
      ),
      axis,
      keepDims,
    );
}

const cases: Case[] = [
  { shape: [64, 28, 28, 16], axis: [0, 1, 2], keepDims: true, ours: true },
  { shape: [1, 7, 5, 3], axis: [0, 1, 2], keepDims: false, ours: true },
  { shape: [64, 10], axis: [0], keepDims: false, ours: true },
  { shape: [64, 10], axis: [1], keepDims: false, ours: false },
];

describe('Mean on wasm over every axis but the last', () => {
  it.each(cases)('matches the cpu backend for $shape over $axis, keepDims $keepDims', async (c) => {
    expect(await wasmVsCpu(average(c))).toBeLessThan(1e-5);
    expect(await callsOfOurs(meanWasm, average(c))).toEqual(
      c.ours ? { ours: 1, leftToTfjs: 0 } : { ours: 0, leftToTfjs: 1 },
    );
  });

  it('matches the batch-norm moments the cpu backend gives', async () => {
    const moments = () => {
      const m = tf.moments(tf.tensor4d(testValues(2 * 6 * 6 * 4, 16), [2, 6, 6, 4]), [0, 1, 2]);
      return [m.mean, m.variance];
    };
    expect(await wasmVsCpu(moments)).toBeLessThan(1e-5);
  });
});
