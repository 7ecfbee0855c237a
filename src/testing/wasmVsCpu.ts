import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { expect, vi } from 'vitest';
import type { WasmKernelReplacement } from '../engine/backends/wasmKernelTypes';
import { registerWasmTrainingKernels } from '../engine/backends/wasmKernels';

/** Deterministic values in [-1, 1) (a small LCG), so a failing case can be replayed. */
export function testValues(length: number, seed: number): Float32Array {
  let state = seed >>> 0;
  return Float32Array.from({ length }, () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 31 - 1;
  });
}

/** Runs `compute` on `backend` and returns the values of the tensors it returns. */
export async function valuesOn(
  backend: 'wasm' | 'cpu',
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<Float32Array[]> {
  expect(await tf.setBackend(backend)).toBe(true);
  const result = tf.tidy(compute);
  const tensors = Array.isArray(result) ? result : [result];
  const values = tensors.map((t) => t.dataSync().slice() as Float32Array);
  tf.dispose(tensors);
  return values;
}

/**
 * The largest difference between `compute` on wasm, with our kernels (all of them, or all
 * but `disable`), and on the cpu backend, relative to the largest cpu value of them all.
 */
export async function wasmVsCpu(
  compute: () => tf.Tensor | tf.Tensor[],
  disable: readonly string[] = [],
): Promise<number> {
  registerWasmTrainingKernels({ disable });
  const onWasm = await valuesOn('wasm', compute);
  const onCpu = await valuesOn('cpu', compute);
  registerWasmTrainingKernels();
  const scale = onCpu.reduce((m, t) => t.reduce((n, v) => Math.max(n, Math.abs(v)), m), 1e-6);
  let worst = 0;
  onCpu.forEach((expected, t) => {
    expect(onWasm[t].length).toBe(expected.length);
    expected.forEach((v, i) => (worst = Math.max(worst, Math.abs(v - onWasm[t][i]))));
  });
  return worst / scale;
}

/** How many calls of `replacement` `compute` made on wasm, and how many it left to tfjs. */
export async function callsOfOurs(
  replacement: WasmKernelReplacement,
  compute: () => tf.Tensor | tf.Tensor[],
): Promise<{ ours: number; leftToTfjs: number }> {
  registerWasmTrainingKernels();
  const spy = vi.spyOn(replacement, 'kernelFunc');
  try {
    await valuesOn('wasm', compute);
    const results = spy.mock.results.map((r) => r.value as unknown);
    return {
      ours: results.filter((v) => v !== null).length,
      leftToTfjs: results.filter((v) => v === null).length,
    };
  } finally {
    spy.mockRestore();
  }
}
