import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { OPTIMIZER_NAMES, OPTIONS_OF, resolvedOptions } from '../../core';
import { createOptimizer } from './optimizer';

function single(values: number[]): { name: string; variable: tf.Variable } {
  return { name: 'w', variable: tf.variable(tf.tensor1d(values)) };
}

describe('optimizer', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('SGD moves parameters by exactly −lr·grad', () => {
    const param = single([0.75, -3, 1e-3]);
    const before = param.variable.dataSync().slice();
    const optimizer = createOptimizer('sgd', [param]);
    const grad = tf.tensor1d([0.5, -0.125, 2]);
    optimizer.apply([grad], { lr: 0.25 });
    const after = param.variable.dataSync();
    const g = grad.dataSync();
    before.forEach((p, i) => expect(after[i]).toBe(Math.fround(p - Math.fround(0.25 * g[i]))));
    tf.dispose([grad, param.variable]);
    optimizer.dispose();
  });

  it('SGD with momentum uses the momentum given at each step', () => {
    const param = single([1]);
    const optimizer = createOptimizer('sgdMomentum', [param]);
    const steps = [
      { g: 0.5, lr: 0.1, momentum: 0.9 },
      { g: -0.25, lr: 0.2, momentum: 0.5 },
      { g: 1, lr: 0.1, momentum: 0.95 },
    ];
    let p = 1;
    let v = 0;
    for (const { g, lr, momentum } of steps) {
      const grad = tf.tensor1d([g]);
      optimizer.apply([grad], { lr, momentum });
      grad.dispose();
      v = momentum * v + g;
      p -= lr * v;
      expect(param.variable.dataSync()[0]).toBeCloseTo(p, 6);
    }
    // By hand: v = 0.5, 0, 1 → p = 1 − 0.05 − 0 − 0.1.
    expect(p).toBeCloseTo(0.85, 12);
    param.variable.dispose();
    optimizer.dispose();
  });

  it('Adam uses the β1 given at each step, bias correction included', () => {
    const param = single([0]);
    const optimizer = createOptimizer('adam', [param]);
    const grad = tf.tensor1d([1]);
    optimizer.apply([grad], { lr: 0.1, beta1: 0.9 });
    optimizer.apply([grad], { lr: 0.1, beta1: 0.5 });
    grad.dispose();
    // m = 0.1 then 0.55; v = 0.001 then 0.001999; t = 2.
    const step1 = (0.1 / (1 - 0.9)) * (0.1 / (Math.sqrt(0.001) / Math.sqrt(1 - 0.999) + 1e-8));
    const m2 = 0.1 * 0.5 + 0.5;
    const v2 = 0.001 * 0.999 + 0.001;
    const step2 =
      (0.1 / (1 - 0.5 ** 2)) * (m2 / (Math.sqrt(v2) / Math.sqrt(1 - 0.999 ** 2) + 1e-8));
    expect(param.variable.dataSync()[0]).toBeCloseTo(-(step1 + step2), 6);
    param.variable.dispose();
    optimizer.dispose();
  });

  it('restores a state snapshot bitwise, step count included', () => {
    const param = single([1, 2, 3]);
    const optimizer = createOptimizer('adam', [param]);
    const grad = tf.tensor1d([0.1, -0.2, 0.3]);
    optimizer.apply([grad], { lr: 0.01 });
    const snapshot = optimizer.snapshot();
    const saved = Object.values(snapshot.slots).map((t) => t.dataSync().slice());
    optimizer.apply([grad], { lr: 0.01 });
    optimizer.apply([grad], { lr: 0.01 });
    optimizer.restore(snapshot);
    expect(optimizer.step).toBe(1);
    const again = optimizer.snapshot();
    expect(Object.keys(again.slots)).toEqual(['w/expAvg', 'w/expAvgSq']);
    Object.values(again.slots).forEach((t, i) =>
      expect(Buffer.from(t.dataSync().buffer)).toEqual(Buffer.from(saved[i].buffer)),
    );
    tf.dispose([
      grad,
      param.variable,
      ...Object.values(snapshot.slots),
      ...Object.values(again.slots),
    ]);
    optimizer.dispose();
  });

  it('rejects hyper-parameters a schedule should never produce', () => {
    const param = single([1]);
    const optimizer = createOptimizer('sgdMomentum', [param]);
    const grad = tf.tensor1d([1]);
    expect(() => optimizer.apply([grad], { lr: Number.NaN })).toThrow(/lr/);
    expect(() => optimizer.apply([grad], { lr: 0.1, momentum: 1 })).toThrow(/momentum/);
    expect(() => optimizer.apply([], { lr: 0.1 })).toThrow(/gradients/);
    tf.dispose([grad, param.variable]);
    optimizer.dispose();
  });

  it('Schedule-Free switches to the average x and back, and refuses to step at x', () => {
    const param = single([1, -2]);
    const optimizer = createOptimizer('sgdScheduleFree', [param]);
    expect(optimizer.hasAveragedPoint).toBe(true);
    // Before any step there is no z: x is y.
    optimizer.eval();
    expect(Array.from(param.variable.dataSync())).toEqual([1, -2]);
    optimizer.train();
    const grad = tf.tensor1d([0.5, 0.25]);
    optimizer.apply([grad], { lr: 0.1 });
    optimizer.apply([grad], { lr: 0.1 });
    const y = Array.from(param.variable.dataSync());
    optimizer.eval();
    expect(optimizer.evalMode).toBe(true);
    expect(() => optimizer.apply([grad], { lr: 0.1 })).toThrow(/eval mode/);
    // By hand: z = 1 − 0.1, then − 0.1 more (per unit gradient); y = lerp(x, z, 0.1) with the
    // averaging weight ½ on step 2, so x = (y − 0.1·z)/0.9 sits between y and where it began.
    const z = [1 - 0.2 * 0.5, -2 - 0.2 * 0.25];
    const x = Array.from(param.variable.dataSync());
    x.forEach((xi, i) => expect(xi).toBeCloseTo((y[i] - 0.1 * z[i]) / 0.9, 6));
    optimizer.train();
    Array.from(param.variable.dataSync()).forEach((yi, i) => expect(yi).toBeCloseTo(y[i], 6));
    tf.dispose([grad, param.variable]);
    optimizer.dispose();
  });

  it('other optimizers have no averaged point: eval() and train() leave the parameters be', () => {
    const param = single([1]);
    const optimizer = createOptimizer('adamw', [param]);
    expect(optimizer.hasAveragedPoint).toBe(false);
    const grad = tf.tensor1d([1]);
    optimizer.apply([grad], { lr: 0.1 });
    const after = param.variable.dataSync()[0];
    optimizer.eval();
    expect(optimizer.evalMode).toBe(false);
    expect(param.variable.dataSync()[0]).toBe(after);
    expect(optimizer.effectiveLr()).toBeNull();
    tf.dispose([grad, param.variable]);
    optimizer.dispose();
  });

  it("snapshots and restores Prodigy's d with the rest of its state", () => {
    const param = single([1, 2, 3]);
    const optimizer = createOptimizer('prodigy', [param], { d0: 1e-3 });
    const grad = tf.tensor1d([0.3, -0.2, 0.1]);
    for (let k = 0; k < 3; k++) optimizer.apply([grad], { lr: 1 });
    const snapshot = optimizer.snapshot();
    const d = snapshot.slots['optimizer/d'].dataSync()[0];
    expect(d).toBeGreaterThan(1e-3);
    for (let k = 0; k < 3; k++) optimizer.apply([grad], { lr: 1 });
    optimizer.restore(snapshot);
    const again = optimizer.snapshot();
    expect(again.slots['optimizer/d'].dataSync()[0]).toBe(d);
    const lrD = optimizer.effectiveLr();
    expect(lrD?.dataSync()[0]).toBeGreaterThan(0);
    tf.dispose([grad, param.variable, lrD ?? [], ...Object.values(snapshot.slots)]);
    tf.dispose(Object.values(again.slots));
    optimizer.dispose();
  });

  it('Prodigy skips a step at LR 0, as the reference does, keeping its step count', () => {
    const param = single([1, 2]);
    const optimizer = createOptimizer('prodigy', [param], { d0: 1e-3 });
    const grad = tf.tensor1d([0.3, -0.2]);
    optimizer.apply([grad], { lr: 0 });
    expect(Array.from(param.variable.dataSync())).toEqual([1, 2]);
    const state = optimizer.snapshot();
    expect(state.slots['optimizer/k'].dataSync()[0]).toBe(0);
    expect(Array.from(state.slots['w/p0'].dataSync())).toEqual([1, 2]);
    tf.dispose([grad, param.variable, ...Object.values(state.slots)]);
    optimizer.dispose();
  });

  it('runs each optimizer on the defaults the page names for its options, and on the options given', () => {
    const param = single([1]);
    for (const name of OPTIMIZER_NAMES) {
      const defaults = createOptimizer(name, [param]);
      for (const [option, value] of Object.entries(resolvedOptions(name))) {
        expect(
          defaults.settings[option as keyof typeof defaults.settings],
          `${name}.${option}`,
        ).toBe(value);
      }
      if (OPTIONS_OF[name].includes('growthRate'))
        expect(defaults.settings.growthRate).toBe(Infinity);
      defaults.dispose();
    }
    const set = createOptimizer('prodigy', [param], { d0: 1e-4, growthRate: 1.02 });
    expect([set.settings.d0, set.settings.growthRate]).toEqual([1e-4, 1.02]);
    set.dispose();
    param.variable.dispose();
  });
});
