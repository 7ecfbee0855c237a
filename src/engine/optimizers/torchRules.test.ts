import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOptimizer, type StepHyper } from './optimizer';
import type { TORCH_RULES } from './torchRules';

/** torch.optim 1.13 single-tensor loops, transcribed in doubles, one parameter element. */
type Reference = (
  p: number,
  g: number,
  state: number[],
  h: Required<StepHyper>,
  step: number,
) => number;

const references: Record<keyof typeof TORCH_RULES, Reference> = {
  sgd: (p, g, _s, h) => p - h.lr * g,
  sgdMomentum: (p, g, s, h, step) => {
    s[0] = step === 1 ? g : s[0] * h.momentum + g;
    return p - h.lr * s[0];
  },
  adam: (p, g, s, h, step) => {
    s[0] = s[0] * h.beta1 + g * (1 - h.beta1);
    s[1] = s[1] * 0.999 + g * g * (1 - 0.999);
    const stepSize = h.lr / (1 - h.beta1 ** step);
    const denom = Math.sqrt(s[1]) / Math.sqrt(1 - 0.999 ** step) + 1e-8;
    return p - stepSize * (s[0] / denom);
  },
  adamw: (p, g, s, h, step) => {
    const decayed = p * (1 - h.lr * 0.01);
    s[0] = s[0] * h.beta1 + g * (1 - h.beta1);
    s[1] = s[1] * 0.999 + g * g * (1 - 0.999);
    const stepSize = h.lr / (1 - h.beta1 ** step);
    const denom = Math.sqrt(s[1]) / Math.sqrt(1 - 0.999 ** step) + 1e-8;
    return decayed - stepSize * (s[0] / denom);
  },
  adamax: (p, g, s, h, step) => {
    s[0] = s[0] * h.beta1 + g * (1 - h.beta1);
    s[1] = Math.max(s[1] * 0.999, Math.abs(g) + 1e-8);
    return p - (h.lr / (1 - h.beta1 ** step)) * (s[0] / s[1]);
  },
  adadelta: (p, g, s, h) => {
    s[0] = s[0] * 0.9 + g * g * 0.1;
    const std = Math.sqrt(s[0] + 1e-6);
    const delta = (Math.sqrt(s[1] + 1e-6) / std) * g;
    s[1] = s[1] * 0.9 + delta * delta * 0.1;
    return p - h.lr * delta;
  },
  adagrad: (p, g, s, h) => {
    s[0] += g * g;
    return p - h.lr * (g / (Math.sqrt(s[0]) + 1e-10));
  },
  rmsprop: (p, g, s, h) => {
    s[0] = s[0] * 0.99 + g * g * 0.01;
    return p - h.lr * (g / (Math.sqrt(s[0]) + 1e-8));
  },
};

const start = [0.5, -1.25, 2, 0.01];
const gradients = [
  [0.3, -0.2, 1.5, 0.001],
  [-0.1, -0.4, 0.7, 0.002],
  [0.25, 0.05, -2, -0.003],
  [0.6, -0.9, 0.1, 0.004],
];
// A schedule that moves lr, momentum and β1 every step.
const hypers: Required<StepHyper>[] = [
  { lr: 0.1, momentum: 0.9, beta1: 0.95 },
  { lr: 0.3, momentum: 0.5, beta1: 0.85 },
  { lr: 0.05, momentum: 0.95, beta1: 0.9 },
  { lr: 0.2, momentum: 0.8, beta1: 0.8 },
];

describe('update rules follow PyTorch 1.13 with per-step hyper-parameters', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => tf.disposeVariables());

  it.each(Object.keys(references) as (keyof typeof TORCH_RULES)[])('%s', (name) => {
    const variable = tf.variable(tf.tensor1d(start));
    const optimizer = createOptimizer(name, [{ name: 'w', variable }]);
    const expected = [...start];
    const state = start.map(() => [0, 0]);
    gradients.forEach((g, k) => {
      const grad = tf.tensor1d(g);
      optimizer.apply([grad], hypers[k]);
      grad.dispose();
      expected.forEach(
        (p, i) => (expected[i] = references[name](p, g[i], state[i], hypers[k], k + 1)),
      );
      const actual = variable.dataSync();
      expected.forEach((e, i) => expect(actual[i]).toBeCloseTo(e, 5));
    });
    expect(optimizer.step).toBe(4);
    optimizer.dispose();
    variable.dispose();
  });
});
