import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RANGE_TEST, parseScheduleSpec, type SessionConfig } from '../../core';
import { cifarBatchBytes } from '../../testing/importFixtures';
import { prepareWasm } from '../backends/wasmSetup';
import { EngineSession } from '../training/engineSession';
import type { EngineEvent } from '../training/engineEvents';
import type { ImageSet } from './imageSet';
import { readCifarBatch } from './import/cifarBinary';
import { importedDataset } from './importedDataset';

const CONFIG: SessionConfig = {
  dataset: 'imported:cifar-fixture',
  model: { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0 },
  optimizer: 'sgdMomentum',
  batchSize: 32,
  seed: 3,
  augment: true,
};

function cifarSet(count: number, firstImage: number): ImageSet {
  return { ...readCifarBatch(cifarBatchBytes(count, firstImage), 'fixture.bin'), numClasses: 10 };
}

describe('an imported 32×32 colour dataset', () => {
  beforeAll(async () => {
    await prepareWasm();
    await tf.setBackend('wasm');
  });

  it('range-tests and trains the same layers, learning its classes', async () => {
    const events: EngineEvent[] = [];
    const dataset = importedDataset({
      name: 'imported:cifar-fixture',
      train: cifarSet(300, 0),
      heldOut: cifarSet(100, 1000),
    });
    const engine = new EngineSession(dataset, CONFIG, (event) => events.push(event));
    expect(engine.inputShape).toEqual({ side: 32, channels: 3, numClasses: 10 });
    expect(engine.datasetInfo).toMatchObject({
      trainSize: 300,
      validationSize: 100,
      numClasses: 10,
    });
    const range = await engine.rangeTest({ ...DEFAULT_RANGE_TEST, numIter: 30 });
    expect(range.reason).not.toBe('failed');
    const end = await engine.train({
      schedule: parseScheduleSpec({ policy: 'fixed', lr: 0.05 }),
      length: { unit: 'iterations', value: 60 },
      validateEvery: 60,
      maxSnapshots: 0,
      testAtEnd: false,
    });
    expect(end.reason).toBe('completed');
    const validation = events.filter((event) => event.type === 'validation').at(-1);
    // Chance is 10 %.
    expect(validation?.accuracy).toBeGreaterThan(0.6);
    engine.dispose();
  });

  it('refuses sets the model cannot take, saying why', () => {
    const train = cifarSet(20, 0);
    const heldOut = cifarSet(10, 0);
    expect(() =>
      importedDataset({ name: 'imported:x', train: { ...train, numClasses: 1 }, heldOut }),
    ).toThrow('The imported training images have 1 classes.');
    expect(() =>
      importedDataset({ name: 'imported:x', train, heldOut: { ...heldOut, channels: 1 } }),
    ).toThrow(/held-out images hold 30720 pixel values/);
    expect(() =>
      importedDataset({ name: 'imported:x', train: { ...train, rows: 30, cols: 30 }, heldOut }),
    ).toThrow('are 30×30; the model takes 28×28 or 32×32');
  });
});
