import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { sumWasm } from './sumWasm';

interface Case {
  shape: number[];
  axis: number[];
  keepDims: boolean;
  ours: boolean;
}

function total({ shape, axis, keepDims }: Case): () => tf.Tensor {
  return () =>
    tf.sum(
      tf.tensor(
        testValues(
          shape.reduce((a, b) => a * b),
          14,
        ),
        shape,
      ),
      axis,
      keepDims,
    );
}

const cases: Case[] = [
  { shape: [64, 28, 28, 16], axis: [0, 1, 2], keepDims: false, ours: true },
  { shape: [4, 14, 14, 32], axis: [2, 0, 1], keepDims: true, ours: true },
  { shape: [3, 5, 7], axis: [0, 1], keepDims: false, ours: true },
  { shape: [64, 10], axis: [0], keepDims: false, ours: true },
  { shape: [1, 1, 1, 6], axis: [0, 1, 2], keepDims: true, ours: true },
  // Not a per-channel reduction: tfjs's kernel.
  { shape: [64, 10], axis: [1], keepDims: false, ours: false },
  { shape: [4, 5, 6], axis: [1, 2], keepDims: true, ours: false },
];

describe('Sum on wasm over every axis but the last', () => {
  it.each(cases)('matches the cpu backend for $shape over $axis, keepDims $keepDims', async (c) => {
    expect(await wasmVsCpu(total(c))).toBeLessThan(1e-5);
    expect(await callsOfOurs(sumWasm, total(c))).toEqual(
      c.ours ? { ours: 1, leftToTfjs: 0 } : { ours: 0, leftToTfjs: 1 },
    );
  });

  it('keeps the reduced axes as ones with keepDims', async () => {
    const shape = await new Promise<number[]>((resolve) => {
      void tf.setBackend('wasm').then(() => {
        const t = tf.sum(tf.ones([2, 3, 4, 5]), [0, 1, 2], true);
        resolve(t.shape);
        t.dispose();
      });
    });
    expect(shape).toEqual([1, 1, 1, 5]);
  });
});
