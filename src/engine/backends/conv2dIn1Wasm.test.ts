import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { conv2dIn1Wasm } from './conv2dIn1Wasm';

type Shape4 = [number, number, number, number];
interface Case {
  xShape: Shape4;
  filterShape: Shape4;
  stride: number;
  pad: 'same' | 'valid';
  /** Whether our kernel takes it (else tfjs's does). */
  ours: boolean;
}

const size = (shape: number[]): number => shape.reduce((a, b) => a * b, 1);

/** conv2d(x, filter) for fixed values. */
function convolve({ xShape, filterShape, stride, pad }: Case): () => tf.Tensor {
  return () =>
    tf.conv2d(
      tf.tensor4d(testValues(size(xShape), 3), xShape),
      tf.tensor4d(testValues(size(filterShape), 4), filterShape),
      stride,
      pad,
    );
}

const cases: Case[] = [
  { xShape: [4, 28, 28, 1], filterShape: [3, 3, 1, 16], stride: 1, pad: 'same', ours: true },
  { xShape: [3, 9, 8, 1], filterShape: [5, 3, 1, 20], stride: 1, pad: 'same', ours: true },
  { xShape: [2, 7, 10, 1], filterShape: [3, 3, 1, 8], stride: 1, pad: 'valid', ours: true },
  { xShape: [2, 8, 8, 1], filterShape: [3, 3, 1, 6], stride: 1, pad: 'same', ours: false },
  { xShape: [2, 9, 9, 1], filterShape: [3, 3, 1, 8], stride: 2, pad: 'same', ours: false },
  { xShape: [2, 8, 8, 3], filterShape: [3, 3, 3, 8], stride: 1, pad: 'same', ours: false },
];

describe('Conv2D on wasm with one input channel', () => {
  it.each(cases)(
    'matches the cpu backend for x $xShape, filter $filterShape, stride $stride, $pad (ours: $ours)',
    async (c) => {
      expect(await wasmVsCpu(convolve(c))).toBeLessThan(1e-6);
      expect(await callsOfOurs(conv2dIn1Wasm, convolve(c))).toEqual(
        c.ours ? { ours: 1, leftToTfjs: 0 } : { ours: 0, leftToTfjs: 1 },
      );
    },
  );
});
