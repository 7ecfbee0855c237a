import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { testValues, valuesOn, wasmVsCpu } from '../../testing/wasmVsCpu';
import { batchNormReluPoolTraining, batchNormTraining } from '../model/batchNorm';
import { createCnn } from '../model/cnn';
import { softmaxCrossEntropy } from '../model/loss';
import { BIAS_RELU_POOL, BN_RELU_POOL, fusedBiasReluPool } from './convBlockTailWasm';
import { registerWasmTrainingKernels } from './wasmKernels';
import { prepareWasm } from './wasmSetup';
import { wasmSimd } from './simd/simdModule';

type Shape4 = [number, number, number, number];

const tensorOf = (shape: number[], seed: number, scale = 1, offset = 0): tf.Tensor =>
  tf.add(
    tf.mul(
      tf.tensor(
        testValues(
          shape.reduce((a, b) => a * b, 1),
          seed,
        ),
        shape,
      ),
      scale,
    ),
    offset,
  );

/**
 * The block's tail, L = Σ pooled ⊙ w for fixed w, and its gradients for z, bias, gamma and
 * beta: on wasm the fused kernel runs (the composite tfjs ops when it is switched off or on
 * cpu). Values rounded to a few levels (`ties`) give windows with tied maxima.
 */
function tail(shape: Shape4, batchNorm: boolean, ties = false): () => tf.Tensor[] {
  return () => {
    const channels = shape[3];
    let z = tensorOf(shape, 3, 2, 0.5) as tf.Tensor4D;
    if (ties) z = tf.round(tf.mul(z, 2)) as tf.Tensor4D;
    const bias = tensorOf([channels], 4, 0.3) as tf.Tensor1D;
    const gamma = tensorOf([channels], 5, 0.5, 1) as tf.Tensor1D;
    const beta = tensorOf([channels], 6, 0.2) as tf.Tensor1D;
    const moments: tf.Tensor[] = [];
    const forward = (zz: tf.Tensor, b: tf.Tensor, g: tf.Tensor, be: tf.Tensor): tf.Tensor => {
      const z4 = zz as tf.Tensor4D;
      let pooled: tf.Tensor4D | null = null;
      if (batchNorm) {
        const fused = batchNormReluPoolTraining(
          z4,
          b as tf.Tensor1D,
          g as tf.Tensor1D,
          be as tf.Tensor1D,
        );
        if (fused) {
          moments.push(fused.moments.mean, fused.moments.variance);
          pooled = fused.y;
        } else {
          const out = batchNormTraining(tf.add(z4, b), g as tf.Tensor1D, be as tf.Tensor1D);
          moments.push(out.moments.mean, out.moments.variance);
          pooled = tf.maxPool(tf.relu(out.y), 2, 2, 'valid');
        }
      } else {
        pooled =
          fusedBiasReluPool(z4, b as tf.Tensor1D) ??
          tf.maxPool(tf.relu(tf.add(z4, b) as tf.Tensor4D), 2, 2, 'valid');
      }
      const w = tensorOf(pooled.shape, 8);
      return tf.add(tf.sum(tf.mul(pooled, w)), tf.mul(tf.sum(pooled), 1e-3));
    };
    const value = forward(z, bias, gamma, beta);
    // The conv bias ahead of batch norm has a true gradient of 0: cpu gives float noise.
    const compared = batchNorm
      ? tf.grads((zz, g, be) => forward(zz, bias, g, be))([z, gamma, beta])
      : tf.grads((zz, b) => forward(zz, b, gamma, beta))([z, bias]);
    return [value, ...compared, ...moments.slice(0, 2)];
  };
}

const cases: { shape: Shape4; ties?: boolean }[] = [
  { shape: [4, 28, 28, 16] },
  { shape: [3, 14, 14, 32] },
  { shape: [2, 6, 6, 5] },
  { shape: [2, 7, 9, 3], ties: true },
  { shape: [1, 5, 4, 6], ties: true },
  // Channels in fours run the SIMD module, odd edges included.
  { shape: [2, 7, 9, 4], ties: true },
  { shape: [3, 5, 6, 8] },
];

describe('the fused conv-block tail on wasm (bias or batch norm, ReLU, 2×2 max-pool)', () => {
  beforeAll(() => prepareWasm());

  it.each(cases)(
    'with batch norm matches the tfjs ops on cpu for z $shape, ties: $ties',
    async (c) => {
      expect(await wasmVsCpu(tail(c.shape, true, c.ties))).toBeLessThan(2e-5);
    },
  );

  it.each(cases)('with a bias matches the tfjs ops on cpu for z $shape, ties: $ties', async (c) => {
    // dbias sums in float64 here, in float32 on cpu.
    expect(await wasmVsCpu(tail(c.shape, false, c.ties))).toBeLessThan(1e-5);
  });

  it('carries a NaN through to the pooled output, as relu and max-pool do on cpu', async () => {
    await tf.setBackend('wasm');
    const values = new Float32Array(2 * 4 * 4 * 4).fill(0.5);
    values[5] = NaN;
    const z = tf.tensor4d(values, [2, 4, 4, 4]);
    const bias = tf.zeros([4]) as tf.Tensor1D;
    const pooled = fusedBiasReluPool(z, bias);
    expect(pooled).not.toBeNull();
    const out = (await pooled?.data()) ?? new Float32Array();
    tf.dispose([z, bias, pooled ?? []]);
    // z[0, 0, 1, 1] is NaN: its window (0, 0) in channel 1 must be NaN, and only that one.
    expect(Number.isNaN(out[1])).toBe(true);
    expect(Array.from(out).filter(Number.isNaN)).toHaveLength(1);
  });

  it('runs the SIMD module on this wasm backend (channels in fours)', async () => {
    await tf.setBackend('wasm');
    expect(wasmSimd(tf.backend() as BackendWasm)).not.toBeNull();
  });

  it('runs as one kernel forward (here twice: value, then gradients) and one backward, and not when switched off', async () => {
    const kernelsIn = async (disable: string[]): Promise<string[]> => {
      registerWasmTrainingKernels({ disable });
      await tf.setBackend('wasm');
      const { kernels } = await tf.profile(() => tf.tidy(() => tail([2, 6, 6, 4], true)()));
      registerWasmTrainingKernels();
      return kernels.map((k) => k.name);
    };
    const on = await kernelsIn([]);
    expect(on.filter((n) => n.startsWith('Lrp'))).toEqual([
      BN_RELU_POOL,
      BN_RELU_POOL,
      'LrpBnReluPoolGrad',
    ]);
    expect(on).not.toContain('MaxPool');
    const off = await kernelsIn([BN_RELU_POOL, BIAS_RELU_POOL]);
    expect(off.filter((n) => n.startsWith('Lrp'))).toEqual([]);
    expect(off).toContain('MaxPool');
  });

  it('leaves the conv biases ahead of batch norm a gradient of exactly 0 in the model', async () => {
    const grads = await valuesOn('wasm', () => {
      const model = createCnn({}, 5);
      const xs = tensorOf([3, 28, 28, 1], 9, 0.5, 0.5) as tf.Tensor4D;
      const ys = tf.oneHot(tf.tensor1d([1, 7, 3], 'int32'), 10).toFloat() as tf.Tensor2D;
      const { grads: g } = tf.variableGrads(() =>
        softmaxCrossEntropy(model.forwardTraining(xs, 2).logits, ys),
      );
      const byName = (name: string): tf.Tensor => {
        const param = model.params.find((p) => p.name === name);
        if (!param) throw new Error(`no parameter ${name}`);
        return g[param.variable.name];
      };
      const out = ['conv1/bias', 'conv2/bias', 'conv1/kernel', 'bn2/gamma'].map(byName);
      model.dispose();
      return out;
    });
    const [bias1, bias2, kernel1, gamma2] = grads;
    expect(bias1.every((v) => v === 0) && bias2.every((v) => v === 0)).toBe(true);
    expect(kernel1.some((v) => v !== 0) && gamma2.some((v) => v !== 0)).toBe(true);
  });

  it('gives the gradients the cpu backend gives for the model without batch norm', async () => {
    const gradients = () => {
      const model = createCnn({ batchNorm: false, dropoutRate: 0 }, 5);
      const xs = tensorOf([3, 28, 28, 1], 9, 0.5, 0.5) as tf.Tensor4D;
      const ys = tf.oneHot(tf.tensor1d([1, 7, 3], 'int32'), 10).toFloat() as tf.Tensor2D;
      const { grads } = tf.variableGrads(() =>
        softmaxCrossEntropy(model.forwardTraining(xs).logits, ys),
      );
      const out = model.params.map((p) => grads[p.variable.name]);
      model.dispose();
      return out;
    };
    expect(await wasmVsCpu(gradients)).toBeLessThan(1e-5);
  });
});
