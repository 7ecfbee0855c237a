import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../../core';
import { prepareWasm } from '../backends/wasmSetup';
import type { ImageSet } from '../data/imageSet';
import { syntheticDataset } from '../data/synthetic';
import { createCnn, type CnnOptions } from '../model/cnn';
import type { TrainConfig, ValidationResult } from './engineEvents';
import { EngineSession } from './engineSession';

const MODEL: CnnOptions = { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 };
const SEED = 7;

/** Four short triangular cycles: the first reaches the ensemble's region of ~0.5–0.9 accuracy. */
function cycles(maxSnapshots: number, numCycles = 4): TrainConfig {
  return {
    schedule: parseScheduleSpec({ policy: 'triangular', baseLr: 0.005, maxLr: 0.05, stepSize: 8 }),
    length: { unit: 'cycles', value: numCycles },
    validateEvery: 12,
    maxSnapshots,
    testAtEnd: false,
  };
}

/**
 * A session that also copies the model's weights at every cycle-end validation: the event is
 * emitted synchronously at the snapshot's iteration, so these are the snapshots' weights.
 */
function session() {
  const dataset = syntheticDataset({ seed: 5, numTrain: 320, numValidation: 150, numTest: 10 });
  const validations: ValidationResult[] = [];
  const snapshots: tf.NamedTensorMap[] = [];
  const engine: EngineSession = new EngineSession(
    dataset,
    {
      dataset: 'synthetic',
      model: MODEL,
      optimizer: 'sgdMomentum',
      batchSize: 16,
      seed: SEED,
      augment: false,
    },
    (event) => {
      if (event.type !== 'validation') return;
      validations.push(event);
      if (event.isCycleEnd) snapshots.push(engine.weights());
    },
  );
  return { engine, dataset, validations, snapshots };
}

/** Plain tf: each member's inference softmax on the whole set, averaged, argmax against the labels. */
function ensembleAccuracy(members: readonly tf.NamedTensorMap[], set: ImageSet): number {
  const model = createCnn(MODEL, SEED);
  const xs = tf.tensor4d(
    Float32Array.from(set.images, (v) => v / 255),
    [set.count, set.rows, set.cols, 1],
  );
  const predicted = tf.tidy(() => {
    const probabilities = members.map((weights) => {
      model.setWeights(weights);
      return model.predict(xs);
    });
    return tf.argMax(tf.div(tf.addN(probabilities), members.length), 1).dataSync();
  });
  xs.dispose();
  model.dispose();
  return predicted.filter((label, i) => label === set.labels[i]).length / set.count;
}

beforeAll(async () => {
  prepareWasm();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('snapshot ensembles of every size', () => {
  it('reports, at each cycle end, the accuracy of the newest m snapshots for m = 1..kept', async () => {
    const { engine, dataset, validations, snapshots } = session();
    await engine.train(cycles(3));
    const ends = validations.filter((v) => v.isCycleEnd);
    expect(ends.map((v) => v.cycleNum)).toEqual([1, 2, 3, 4]);
    expect(ends.map((v) => v.ensembleByM.length)).toEqual([1, 2, 3, 3]);
    // Validations between cycle ends take no snapshot.
    for (const v of validations.filter((v) => !v.isCycleEnd)) expect(v.ensembleByM).toEqual([]);

    ends.forEach((v, i) => {
      // m = 1 is this cycle's model alone, as the single-model validation measured it.
      expect(v.ensembleByM[0]).toBe(v.accuracy);
      // Every m, measured again from the snapshots' weights in fresh models.
      const expected = v.ensembleByM.map((_, j) =>
        ensembleAccuracy(snapshots.slice(i - j, i + 1), dataset.validation),
      );
      expect(v.ensembleByM).toEqual(expected);
      // The whole ensemble is the accuracy reported before per-m curves existed.
      if (v.ensembleByM.length >= 2) {
        expect(v.ensembleAccuracy).toBe(v.ensembleByM.at(-1));
        expect(v.ensembleSize).toBe(v.ensembleByM.length);
      } else {
        expect(v.ensembleAccuracy).toBeNull();
        expect(v.ensembleSize).toBe(0);
      }
    });
    tf.dispose(snapshots.flatMap((weights) => Object.values(weights)));
    engine.dispose();
  });

  it('keeps no snapshots when asked for none', async () => {
    const { engine, validations } = session();
    await engine.train(cycles(0, 2));
    expect(validations.filter((v) => v.isCycleEnd)).toHaveLength(2);
    for (const v of validations) {
      expect(v.ensembleByM).toEqual([]);
      expect(v.ensembleAccuracy).toBeNull();
    }
    engine.dispose();
  });

  it('refuses a snapshot count outside 0–20 and says which', async () => {
    const { engine } = session();
    await expect(engine.train(cycles(21))).rejects.toThrow(
      /maxSnapshots must be at most 20, got 21/,
    );
    await expect(engine.train(cycles(1.5))).rejects.toThrow(/maxSnapshots must be a whole number/);
    engine.dispose();
  });

  it('leaves the tensor count flat across runs with many snapshots', async () => {
    const { engine, snapshots } = session();
    // Warm-up: the optimizer's slots are created on the first step.
    await engine.train(cycles(2, 1));
    tf.dispose(snapshots.splice(0).flatMap((weights) => Object.values(weights)));
    const start = tf.memory().numTensors;
    await engine.train(cycles(20, 6));
    await engine.train(cycles(2, 5));
    tf.dispose(snapshots.splice(0).flatMap((weights) => Object.values(weights)));
    expect(tf.memory().numTensors).toBe(start);
    engine.dispose();
  });
});
