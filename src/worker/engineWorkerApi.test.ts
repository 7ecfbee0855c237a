import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, DEFAULT_RANGE_TEST, type SessionConfig, type TrainConfig } from '../core';
import { EngineWorkerApi } from './engineWorkerApi';
import type { InitOptions } from './contract';

/** What the page sends, as structured clone delivers it: plain JSON, not yet checked. */
const SESSION: SessionConfig = {
  dataset: 'synthetic',
  model: { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 },
  optimizer: 'sgdMomentum',
  batchSize: 16,
  seed: 7,
  augment: false,
};

const wasmDir = join(
  dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/package.json')),
  'dist',
);

function initOptions(session: unknown): InitOptions {
  return { session: session as SessionConfig, dataBaseUrl: '', wasmBaseUrl: wasmDir };
}

const TRAIN = {
  schedule: { policy: 'triangular', baseLr: 0.001, maxLr: 0.01, stepSize: 5 },
  length: { unit: 'iterations', value: 4 },
  validateEvery: 100,
  maxSnapshots: 0,
  testAtEnd: false,
};

/** A train config with some fields replaced, sent as the page would (the spec unparsed). */
function trainWith(change: Record<string, unknown>): TrainConfig {
  return { ...TRAIN, ...change } as unknown as TrainConfig;
}

describe('the engine worker refuses a bad config, naming the field', () => {
  const api = new EngineWorkerApi();

  beforeAll(async () => {
    await api.init(initOptions(SESSION), () => {});
  });

  afterAll(async () => {
    await api.init(initOptions(SESSION), () => {});
  });

  it('refuses a session on init, before loading anything', async () => {
    await expect(api.init(initOptions({ ...SESSION, seed: 'one' }), () => {})).rejects.toThrow(
      ConfigError,
    );
    await expect(api.init(initOptions({ ...SESSION, batchSize: 0 }), () => {})).rejects.toThrow(
      'session.batchSize must be at least 1, got 0',
    );
    await expect(
      api.init(initOptions({ ...SESSION, dataset: 'cifar10' }), () => {}),
    ).rejects.toThrow(
      'session.dataset must be one of mnist, fashion-mnist, synthetic or imported:<id> (got "cifar10")',
    );
    await expect(
      api.init(initOptions({ ...SESSION, dataset: 'imported:pets' }), () => {}),
    ).rejects.toThrow('The images of imported:pets were not handed to the engine.');
    await expect(
      api.init(initOptions({ ...SESSION, model: { ...SESSION.model, dropoutRate: 1 } }), () => {}),
    ).rejects.toThrow('session.model.dropoutRate must be less than 1, got 1');
    await expect(
      api.init(initOptions({ ...SESSION, optimizerOptions: { weightDecay: -1 } }), () => {}),
    ).rejects.toThrow('session.optimizerOptions.weightDecay must be at least 0, got -1');
    const withoutOptimizer: Partial<SessionConfig> = { ...SESSION };
    delete withoutOptimizer.optimizer;
    await expect(api.init(initOptions(withoutOptimizer), () => {})).rejects.toThrow(
      'session.optimizer is missing',
    );
  });

  it('refuses a session change on reset and keeps the session it had', async () => {
    await expect(api.reset({ seed: 1.5 })).rejects.toThrow(
      'session.seed must be a whole number, got 1.5',
    );
    await expect(
      api.reset({ optimizer: 'notAnOptimizer' as SessionConfig['optimizer'] }),
    ).rejects.toThrow(/^session\.optimizer must be one of sgdMomentum, sgd, adam, /);
    await expect(api.reset({ optimizer: 'prodigy', optimizerOptions: { d0: 0 } })).rejects.toThrow(
      'session.optimizerOptions.d0 must be greater than 0, got 0',
    );
    await expect(api.reset({ seed: 8 })).resolves.toBeUndefined();
  });

  it('refuses a range test whose sweep cannot run', async () => {
    const sweep = { ...DEFAULT_RANGE_TEST, numIter: 10 };
    await expect(api.rangeTest({ ...sweep, startLr: 1e-3, endLr: 1e-4 })).rejects.toThrow(
      'rangeTest.endLr must be above startLr (0.001), got 0.0001',
    );
    await expect(api.rangeTest({ ...sweep, numIter: 2 })).rejects.toThrow(
      'rangeTest.numIter must be at least 10, got 2',
    );
    await expect(api.rangeTest({ ...sweep, numIter: 5001 })).rejects.toThrow(
      'rangeTest.numIter must be at most 5000, got 5001',
    );
    await expect(api.rangeTest({ ...sweep, startLr: Number.NaN })).rejects.toThrow(
      'rangeTest.startLr must be a finite number, got NaN',
    );
    await expect(api.rangeTest({ ...sweep, divergeFactor: 1 })).rejects.toThrow(
      'rangeTest.divergeFactor must be greater than 1, got 1',
    );
    // Nothing was left half-started: a good sweep still runs.
    await expect(api.rangeTest(sweep)).resolves.toMatchObject({ numSteps: 10 });
  });

  it('refuses a train config, the schedule spec inside it included', async () => {
    await expect(
      api.train(trainWith({ schedule: { ...TRAIN.schedule, baseLr: 0.1 } })),
    ).rejects.toThrow('train.schedule.baseLr must not exceed maxLr (0.1 > 0.01), got 0.1');
    await expect(
      api.train(trainWith({ schedule: { policy: 'sawtooth', lr: 0.1 } })),
    ).rejects.toThrow(
      /^train\.schedule\.policy unknown policy "sawtooth"; expected one of fixed, step, /,
    );
    await expect(
      api.train(trainWith({ schedule: { ...TRAIN.schedule, stepSize: 0 } })),
    ).rejects.toThrow('train.schedule.stepSize must be greater than 0, got 0');
    await expect(
      api.train(trainWith({ length: { unit: 'iterations', value: 2.5 } })),
    ).rejects.toThrow('train.length.value must be a whole number of iterations, got 2.5');
    await expect(
      api.train(
        trainWith({
          schedule: { policy: 'fixed', lr: 0.01 },
          length: { unit: 'cycles', value: 2 },
        }),
      ),
    ).rejects.toThrow('train.length.unit must not be cycles: a fixed schedule has no cycles');
    await expect(api.train(trainWith({ validateEvery: 0 }))).rejects.toThrow(
      'train.validateEvery must be at least 1, got 0',
    );
    await expect(api.train(trainWith({ maxSnapshots: 21 }))).rejects.toThrow(
      'train.maxSnapshots must be at most 20, got 21',
    );
    // The spec arrives as JSON and is trained as the core parsed it.
    await expect(api.train(trainWith({}))).resolves.toMatchObject({
      reason: 'completed',
      iterations: 4,
    });
  });
});
