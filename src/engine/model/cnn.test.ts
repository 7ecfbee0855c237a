import * as tf from '@tensorflow/tfjs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cnnWidths, createCnn, type Cnn } from './cnn';

const models: Cnn[] = [];
function track(model: Cnn): Cnn {
  models.push(model);
  return model;
}

function values(snapshot: tf.NamedTensorMap): Record<string, Float32Array> {
  return Object.fromEntries(
    Object.entries(snapshot).map(([name, t]) => [name, t.dataSync() as Float32Array]),
  );
}

function bytesEqual(a: Record<string, Float32Array>, b: Record<string, Float32Array>): boolean {
  const names = Object.keys(a);
  if (names.join() !== Object.keys(b).join()) return false;
  return names.every((n) => Buffer.from(a[n].buffer).equals(Buffer.from(b[n].buffer)));
}

function weightsOf(model: Cnn): Record<string, Float32Array> {
  const snapshot = model.getWeights();
  const result = values(snapshot);
  tf.dispose(snapshot);
  return result;
}

describe('default CNN', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterEach(() => models.splice(0).forEach((m) => m.dispose()));

  it('has the PyTorch reference model’s parameter count and layout', () => {
    const model = track(createCnn({}, 1));
    const count = model.params.reduce((n, p) => n + p.variable.size, 0);
    // conv1 160 + bn1 32 + conv2 4640 + bn2 64 + dense1 100416 + dense2 650
    expect(count).toBe(105_962);
    expect(model.params.map((p) => p.name)).toEqual([
      'conv1/kernel',
      'conv1/bias',
      'bn1/gamma',
      'bn1/beta',
      'conv2/kernel',
      'conv2/bias',
      'bn2/gamma',
      'bn2/beta',
      'dense1/kernel',
      'dense1/bias',
      'dense2/kernel',
      'dense2/bias',
    ]);
  });

  it('scales widths and drops batch norm on request', () => {
    expect(cnnWidths(0.5)).toEqual([8, 16, 32]);
    const model = track(createCnn({ widthMultiplier: 2, batchNorm: false }, 1));
    expect(model.params.some((p) => p.name.startsWith('bn'))).toBe(false);
    const kernel = model.params.find((p) => p.name === 'dense1/kernel');
    expect(kernel?.variable.shape).toEqual([7 * 7 * 64, 128]);
    const logits = model.forward(tf.zeros([3, 28, 28, 1]), { training: false });
    expect(logits.shape).toEqual([3, 10]);
    logits.dispose();
  });

  it('initialises like PyTorch: U(±1/√fanIn) weights and biases, BN γ=1 β=0', () => {
    const w = weightsOf(track(createCnn({}, 7)));
    const bound = (name: string, fanIn: number): void => {
      const limit = 1 / Math.sqrt(fanIn);
      const max = w[name].reduce((m, v) => Math.max(m, Math.abs(v)), 0);
      expect(max).toBeLessThanOrEqual(limit);
      expect(max).toBeGreaterThan(0.9 * limit);
    };
    bound('conv1/kernel', 9);
    bound('conv2/kernel', 16 * 9);
    bound('dense1/kernel', 7 * 7 * 32);
    bound('dense2/bias', 64);
    expect([...w['bn1/gamma']].every((v) => v === 1)).toBe(true);
    expect([...w['bn2/beta']].every((v) => v === 0)).toBe(true);
    expect([...w['bn1/runningVar']].every((v) => v === 1)).toBe(true);
  });

  it('reproduces the same initial weights from the same seed, and others from another', () => {
    const a = weightsOf(track(createCnn({}, 42)));
    const b = weightsOf(track(createCnn({}, 42)));
    const c = weightsOf(track(createCnn({}, 43)));
    expect(bytesEqual(a, b)).toBe(true);
    expect(bytesEqual(a, c)).toBe(false);
  });

  it('restores a weight snapshot bitwise, running statistics included', () => {
    const model = track(createCnn({}, 3));
    const snapshot = model.getWeights();
    const before = values(snapshot);
    tf.tidy(() => {
      model.params.forEach((p) => p.variable.assign(tf.add(p.variable, 0.5)));
      const { moments } = model.forwardTraining(tf.randomUniform([4, 28, 28, 1]));
      model.updateRunningStats(moments);
    });
    expect(bytesEqual(weightsOf(model), before)).toBe(false);
    model.setWeights(snapshot);
    tf.dispose(snapshot);
    expect(bytesEqual(weightsOf(model), before)).toBe(true);
  });

  it('copies weights between models with the same options', () => {
    const source = track(createCnn({}, 5));
    const target = track(createCnn({}, 6));
    const snapshot = source.getWeights();
    target.setWeights(snapshot);
    tf.dispose(snapshot);
    expect(bytesEqual(weightsOf(target), weightsOf(source))).toBe(true);
  });

  it('replays dropout from its seed and turns it off for inference', () => {
    const model = track(createCnn({ batchNorm: false, dropoutRate: 0.5 }, 1));
    const x = tf.randomUniform([4, 28, 28, 1], 0, 1, 'float32', 9) as tf.Tensor4D;
    const run = (mode: { training: boolean; dropoutSeed?: number }): Float32Array => {
      const logits = model.forward(x, mode);
      const out = logits.dataSync() as Float32Array;
      logits.dispose();
      return out;
    };
    expect(run({ training: true, dropoutSeed: 11 })).toEqual(
      run({ training: true, dropoutSeed: 11 }),
    );
    expect(run({ training: true, dropoutSeed: 11 })).not.toEqual(
      run({ training: true, dropoutSeed: 12 }),
    );
    expect(run({ training: false, dropoutSeed: 11 })).toEqual(
      run({ training: false, dropoutSeed: 12 }),
    );
    x.dispose();
  });

  it('predicts probabilities that sum to one', () => {
    const model = track(createCnn({}, 1));
    const probs = model.predict(tf.randomUniform([5, 28, 28, 1]));
    const sums = tf.sum(probs, 1);
    expect(Array.from(sums.dataSync()).every((s) => Math.abs(s - 1) < 1e-5)).toBe(true);
    tf.dispose([probs, sums]);
  });

  it('forward passes leave no tensors behind except their outputs', () => {
    const model = track(createCnn({}, 1));
    const x = tf.randomUniform([2, 28, 28, 1]) as tf.Tensor4D;
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      model.forward(x, { training: true, dropoutSeed: 1 });
      model.forward(x, { training: false });
      model.predict(x);
    });
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
