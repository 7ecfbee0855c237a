import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { callsOfOurs, testValues, wasmVsCpu } from '../../testing/wasmVsCpu';
import { identityWasm } from './identityWasm';
import { registerWasmTrainingKernels } from './wasmKernels';

describe('Identity on wasm, sharing the data', () => {
  it('gives a copy that outlives its source, and frees the data once both are gone', async () => {
    registerWasmTrainingKernels();
    await tf.setBackend('wasm');
    const buffersBefore = tf.engine().backend.numDataIds();
    const source = tf.tensor2d(testValues(12, 18), [3, 4]);
    const expected = source.dataSync().slice();
    const copy = tf.clone(source);
    source.dispose();
    expect(copy.dataSync()).toEqual(expected);
    expect(copy.shape).toEqual([3, 4]);
    copy.dispose();
    expect(tf.engine().backend.numDataIds()).toBe(buffersBefore);
  });

  it('keeps a snapshot of a variable when the variable is assigned afterwards', async () => {
    await tf.setBackend('wasm');
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const snapshot = tf.clone(v);
    v.assign(tf.tensor1d([7, 8, 9]));
    expect(Array.from(snapshot.dataSync())).toEqual([1, 2, 3]);
    expect(Array.from(v.dataSync())).toEqual([7, 8, 9]);
    tf.dispose([v, snapshot]);
  });

  it('gives the gradients through a cast the cpu backend gives, without a copy', async () => {
    const gradient = () =>
      tf.grad((x) => tf.sum(tf.square(tf.cast(x, 'float32'))))(tf.tensor(testValues(40, 19)));
    expect(await wasmVsCpu(gradient)).toBeLessThan(1e-6);
    expect((await callsOfOurs(identityWasm, gradient)).ours).toBeGreaterThan(0);
  });
});
