import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../../core';
import { prepareWasm } from '../backends/wasmSetup';
import { syntheticDataset } from '../data/synthetic';
import { createCnn } from '../model/cnn';
import { refreshBatchNormStats } from './averagedPoint';
import { EngineSession } from './engineSession';
import type { EngineEvent, SessionConfig, TrainConfig, TrainProgress } from './engineEvents';
import { evaluate } from './evaluate';

const CONFIG: SessionConfig = {
  dataset: 'synthetic',
  model: { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 },
  optimizer: 'sgdScheduleFree',
  batchSize: 16,
  seed: 11,
  augment: false,
};

const dataset = () =>
  syntheticDataset({ seed: 5, numTrain: 320, numValidation: 100, numTest: 100 });

function session(config: Partial<SessionConfig> = {}) {
  const events: EngineEvent[] = [];
  const engine = new EngineSession(dataset(), { ...CONFIG, ...config }, (e) => events.push(e));
  return { engine, events };
}

function run(lr: number, iterations: number, validateEvery: number): TrainConfig {
  return {
    schedule: parseScheduleSpec({ policy: 'fixed', lr }),
    length: { unit: 'iterations', value: iterations },
    validateEvery,
    maxSnapshots: 0,
    testAtEnd: false,
  };
}

async function same(a: tf.NamedTensorMap, b: tf.NamedTensorMap): Promise<boolean> {
  for (const name of Object.keys(a)) {
    const [x, y] = await Promise.all([a[name].data(), b[name].data()]);
    if (x.length !== y.length || x.some((v, i) => !Object.is(v, y[i]))) return false;
  }
  return true;
}

/** Loss and accuracy on the validation set of a fresh model holding `weights`. */
async function validationOf(weights: tf.NamedTensorMap) {
  const model = createCnn(CONFIG.model, CONFIG.seed);
  model.setWeights(weights);
  const result = await evaluate(model, dataset().validation);
  model.dispose();
  return result;
}

beforeAll(async () => {
  prepareWasm();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('Schedule-Free is judged and shipped at its average x', () => {
  it('validates x with batch-norm statistics for x, exports the same, and trains on from y', async () => {
    const { engine, events } = session();
    await engine.train(run(0.2, 40, 20));
    const y = engine.weights();
    const x = await engine.exportWeights();
    const yAfter = engine.weights();
    expect(await same(y, yAfter)).toBe(true);
    expect(await same(x, y)).toBe(false);

    const last = events.filter((e) => e.type === 'validation').at(-1);
    if (last?.type !== 'validation') throw new Error('no validation');
    expect(last.iteration).toBe(40);
    const atX = await validationOf(x);
    const atY = await validationOf(y);
    expect(last.loss).toBeCloseTo(atX.loss, 5);
    expect(last.accuracy).toBe(atX.accuracy);
    expect(Math.abs(last.loss - atY.loss)).toBeGreaterThan(1e-4);
    tf.dispose([...Object.values(x), ...Object.values(y), ...Object.values(yAfter)]);
    engine.dispose();
  });

  it("recomputes x's batch-norm statistics: unlike y's running ones, and as a fresh recomputation at x gives", async () => {
    const { engine } = session();
    await engine.train(run(0.2, 40, 100_000));
    const y = engine.weights();
    const x = await engine.exportWeights();
    const statNames = Object.keys(x).filter((name) => /\/running(Mean|Var)$/.test(name));
    expect(statNames.length).toBeGreaterThanOrEqual(4);
    const values = (weights: tf.NamedTensorMap) =>
      statNames.flatMap((name) => Array.from(weights[name].dataSync()));
    const maxDiff = (a: number[], b: number[]) =>
      Math.max(...a.map((value, i) => Math.abs(value - b[i])));

    // A fresh model at x's parameters, its statistics back at their start (mean 0, variance 1),
    // refreshed from scratch over the same batches the engine uses.
    const fresh = createCnn(CONFIG.model, 99);
    const xParams = Object.fromEntries(
      Object.entries(x).filter(([name]) => !statNames.includes(name)),
    );
    const initialStats = fresh.getWeights();
    fresh.setWeights({
      ...xParams,
      ...Object.fromEntries(statNames.map((name) => [name, initialStats[name]])),
    });
    const start = values(initialStats);
    refreshBatchNormStats(fresh, { train: dataset().train, seed: CONFIG.seed });
    const recomputed = values(fresh.getWeights());

    const [atX, atY] = [values(x), values(y)];
    // x's statistics moved away from y's…
    expect(maxDiff(atX, atY)).toBeGreaterThan(1e-3);
    // …to what x's own activations give: 50 EMA steps leave 0.9^50 ≈ 0.5 % of where each began.
    expect(maxDiff(recomputed, atX)).toBeLessThan(0.01 * maxDiff(atY, start) + 1e-5);
    expect(maxDiff(recomputed, atX)).toBeLessThan(0.1 * maxDiff(atX, atY));
    tf.dispose([x, y, initialStats].flatMap((w) => Object.values(w)));
    fresh.dispose();
    engine.dispose();
  });

  it('validating (at x) leaves the training trajectory at y exactly as without validation', async () => {
    const often = session();
    const never = session();
    await often.engine.train(run(0.2, 30, 7));
    await never.engine.train(run(0.2, 30, 100_000));
    expect(often.events.filter((e) => e.type === 'validation').length).toBe(5);
    const [a, b] = [often.engine.weights(), never.engine.weights()];
    expect(await same(a, b)).toBe(true);
    tf.dispose([...Object.values(a), ...Object.values(b)]);
    often.engine.dispose();
    never.engine.dispose();
  });
});

describe('Prodigy reports the step size it chose', () => {
  const effective = (events: EngineEvent[]) =>
    events
      .filter((e): e is TrainProgress => e.type === 'trainProgress')
      .flatMap((e) => (e.effectiveLr ? Array.from(e.effectiveLr) : []));

  it('as lr·d for every step, from lr·d0 up', async () => {
    const { engine, events } = session({ optimizer: 'prodigy' });
    await engine.train(run(1, 30, 100_000));
    const lrD = effective(events);
    expect(lrD).toHaveLength(30);
    // d0 = 1e-6 (Prodigy's default) for the first step, stored in float32.
    expect(lrD[0]).toBeCloseTo(1e-6, 12);
    expect(lrD.every((value) => Number.isFinite(value) && value > 0)).toBe(true);
    expect(lrD[29]).toBeGreaterThan(10 * lrD[0]);
    engine.dispose();
  });

  it('and nothing for optimizers whose step size is the LR', async () => {
    const { engine, events } = session({ optimizer: 'adamw' });
    await engine.train(run(1e-3, 5, 100_000));
    expect(effective(events)).toEqual([]);
    engine.dispose();
  });
});
