import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareWasm } from '../backends/wasmSetup';
import { loadGolden } from '../../../tests/golden';
import { createOptimizer, type StepHyper } from './optimizer';
import type { OptimizerSettings } from './optimizerSettings';
import { UPDATE_RULES, type OptimizerName } from './updateRules';

/** One case of tests/golden/optimizers.json (format in tests/golden/README.md). */
interface OptimizerCase {
  name: string;
  optimizer: string;
  options: Partial<OptimizerSettings>;
  shapes: { w: number[]; b: number[] };
  steps: number;
  params0: { w: number[]; b: number[] };
  lr: number[];
  momentum?: number[];
  beta1?: number[];
  grads: { w: number[]; b: number[] }[];
  expected: {
    params: { w: number[]; b: number[] }[];
    evalParams?: { w: number[]; b: number[] }[];
    d?: number[];
  };
}

const cases = loadGolden<OptimizerCase>('optimizers');

/** The golden file's optimizer names (the references' snake_case) to the engine's. */
const ENGINE_NAME: Record<string, OptimizerName> = {
  sgd: 'sgd',
  sgd_momentum: 'sgdMomentum',
  adam: 'adam',
  adamw: 'adamw',
  adamax: 'adamax',
  adadelta: 'adadelta',
  adagrad: 'adagrad',
  rmsprop: 'rmsprop',
  sgd_schedulefree: 'sgdScheduleFree',
  adamw_schedulefree: 'adamwScheduleFree',
  prodigy: 'prodigy',
};

/** The README's tolerance: |actual − expected| ≤ 1e-4·max(|expected|, 0.01), as a ratio (≤ 1 passes). */
function worstRatio(actual: ArrayLike<number>, expected: readonly number[]): number {
  expect(actual.length).toBe(expected.length);
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const allowed = 1e-4 * Math.max(Math.abs(expected[i]), 0.01);
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]) / allowed);
  }
  return worst;
}

// The backends Node tests train on: cpu, and wasm (what a user without a GPU gets).
describe.each(['cpu', 'wasm'])(
  'every golden optimizer case steps like its reference (tfjs %s, float32)',
  (backend) => {
    beforeAll(async () => {
      if (backend === 'wasm') prepareWasm();
      expect(await tf.setBackend(backend)).toBe(true);
    });
    afterAll(() => tf.disposeVariables());

    it('covers every engine optimizer', () => {
      const covered = new Set(cases.map((c) => ENGINE_NAME[c.optimizer]));
      expect([...covered].sort()).toEqual(Object.keys(UPDATE_RULES).sort());
    });

    it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => {
      const name = ENGINE_NAME[c.optimizer];
      if (!name) throw new Error(`no engine optimizer for ${c.optimizer}`);
      const w = tf.variable(tf.tensor(c.params0.w, c.shapes.w));
      const b = tf.variable(tf.tensor(c.params0.b, c.shapes.b));
      const optimizer = createOptimizer(
        name,
        [
          { name: 'w', variable: w },
          { name: 'b', variable: b },
        ],
        c.options,
      );
      const read = () => [...w.dataSync(), ...b.dataSync()];
      const flat = (p: { w: number[]; b: number[] }) => [...p.w, ...p.b];
      let worst = 0;
      for (let k = 0; k < c.steps; k++) {
        const hyper: StepHyper = {
          lr: c.lr[k],
          ...(c.momentum ? { momentum: c.momentum[k] } : {}),
          ...(c.beta1 ? { beta1: c.beta1[k] } : {}),
        };
        const grads = [tf.tensor(c.grads[k].w, c.shapes.w), tf.tensor(c.grads[k].b, c.shapes.b)];
        optimizer.apply(grads, hyper);
        tf.dispose(grads);
        worst = Math.max(worst, worstRatio(read(), flat(c.expected.params[k])));
        if (c.expected.evalParams) {
          optimizer.eval();
          worst = Math.max(worst, worstRatio(read(), flat(c.expected.evalParams[k])));
          optimizer.train();
        }
        if (c.expected.d) {
          const lrD = optimizer.effectiveLr();
          if (!lrD) throw new Error('Prodigy reports no effective LR');
          lrD.dispose();
          const d = optimizer.snapshot().slots['optimizer/d'];
          worst = Math.max(worst, worstRatio(d.dataSync(), [c.expected.d[k]]));
          d.dispose();
        }
      }
      expect(worst, `worst error / tolerance over ${c.steps} steps`).toBeLessThanOrEqual(1);
      optimizer.dispose();
      tf.dispose([w, b]);
    });
  },
);
