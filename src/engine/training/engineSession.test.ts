import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RANGE_TEST, lrAt, momentumAt, parseScheduleSpec } from '../../core';
import { prepareWasm } from '../backends/wasmSetup';
import { syntheticDataset } from '../data/synthetic';
import { EngineSession } from './engineSession';
import {
  type EngineEvent,
  type RangeTestProgress,
  type SessionConfig,
  type TrainConfig,
  type TrainProgress,
  type ValidationResult,
} from './engineEvents';

/** A narrow model and small batches keep hundreds of steps within seconds. */
const SMALL: SessionConfig = {
  dataset: 'synthetic',
  model: { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 },
  optimizer: 'sgdMomentum',
  batchSize: 16,
  seed: 7,
  augment: false,
};

function session(config: Partial<SessionConfig> = {}, numTrain = 320) {
  const events: EngineEvent[] = [];
  const engine = new EngineSession(
    syntheticDataset({ seed: 3, numTrain, numValidation: 100, numTest: 100 }),
    { ...SMALL, ...config },
    (event) => events.push(event),
  );
  return { engine, events };
}

/** A training run at a fixed LR, no validation cadence, no snapshots, no test. */
function fixedRun(lr: number, iterations: number): TrainConfig {
  return {
    schedule: parseScheduleSpec({ policy: 'fixed', lr }),
    length: { unit: 'iterations', value: iterations },
    validateEvery: 100_000,
    maxSnapshots: 0,
    testAtEnd: false,
  };
}

function ofType<T extends EngineEvent['type']>(events: EngineEvent[], type: T) {
  return events.filter((e): e is Extract<EngineEvent, { type: T }> => e.type === type);
}

/** Concatenates the chunks of one per-step series, checking they tile 0..n without gaps. */
function series<E extends RangeTestProgress | TrainProgress>(
  chunks: E[],
  pick: (chunk: E) => ArrayLike<number>,
): number[] {
  const out: number[] = [];
  for (const chunk of chunks) {
    expect(chunk.fromIdx).toBe(out.length);
    out.push(...Array.from(pick(chunk)));
  }
  return out;
}

async function bitwise(a: tf.NamedTensorMap, b: tf.NamedTensorMap): Promise<boolean> {
  for (const name of Object.keys(a)) {
    const [x, y] = await Promise.all([a[name].data(), b[name].data()]);
    const bx = new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
    const by = new Uint8Array(y.buffer, y.byteOffset, y.byteLength);
    if (bx.length !== by.length || bx.some((v, i) => v !== by[i])) return false;
  }
  return Object.keys(a).length === Object.keys(b).length;
}

/**
 * Whether `engine`'s optimizer state (momentum, step count) is what it was before its range
 * test: its next steps match, bit for bit, a fresh session that trained `warmUp` and never
 * tested. Disposes both sessions.
 */
async function expectOptimizerRestored(engine: EngineSession, warmUp: TrainConfig) {
  const twin = session();
  await twin.engine.train(warmUp);
  const more = fixedRun(0.05, 3);
  await engine.train(more);
  await twin.engine.train(more);
  const [a, b] = [engine.weights(), twin.engine.weights()];
  expect(await bitwise(a, b)).toBe(true);
  tf.dispose([...Object.values(a), ...Object.values(b)]);
  engine.dispose();
  twin.engine.dispose();
}

beforeAll(async () => {
  // The backend a user without a GPU trains on, with our gradient kernels.
  prepareWasm();
  expect(await tf.setBackend('wasm')).toBe(true);
});

describe('range test', () => {
  it('sweeps the LR, records loss and accuracy per step, and restores weights and optimizer state bitwise', async () => {
    const { engine, events } = session();
    // Move off the initial weights and give the optimizer some momentum state first.
    await engine.train(fixedRun(0.01, 5));
    const before = engine.weights();
    const end = await engine.rangeTest({
      ...DEFAULT_RANGE_TEST,
      startLr: 1e-4,
      endLr: 1,
      numIter: 30,
    });
    const after = engine.weights();
    expect(await bitwise(before, after)).toBe(true);
    tf.dispose([...Object.values(before), ...Object.values(after)]);

    const chunks = ofType(events, 'rangeTestProgress');
    const lrs = series(chunks, (c) => c.lr);
    expect(lrs).toHaveLength(end.numSteps);
    expect(lrs[0]).toBeCloseTo(1e-4, 12);
    for (let k = 1; k < lrs.length; k++) expect(lrs[k]).toBeGreaterThan(lrs[k - 1]);
    for (const loss of series(chunks, (c) => c.loss)) expect(loss).toBeGreaterThan(0);
    expect(ofType(events, 'rangeTestEnd')).toHaveLength(1);

    // The optimizer state was restored too: the next training steps match a run that never tested.
    await expectOptimizerRestored(engine, fixedRun(0.01, 5));
  });

  it('repeats the sweep with other seeds (and new initial weights), the first as a single test, and restores the weights and optimizer state bitwise after all', async () => {
    // Every session first trains a few steps, so the optimizer has momentum to restore.
    const warmUp = fixedRun(0.01, 5);
    const single = session();
    await single.engine.train(warmUp);
    await single.engine.rangeTest({ ...DEFAULT_RANGE_TEST, endLr: 1, numIter: 15 });
    const singleLosses = series(ofType(single.events, 'rangeTestProgress'), (c) => c.loss);
    single.engine.dispose();

    const { engine, events } = session();
    await engine.train(warmUp);
    const before = engine.weights();
    await engine.rangeTest({
      ...DEFAULT_RANGE_TEST,
      endLr: 1,
      numIter: 15,
      repeats: 3,
      reinitWeights: true,
    });
    const after = engine.weights();
    expect(await bitwise(before, after)).toBe(true);
    tf.dispose([...Object.values(before), ...Object.values(after)]);

    const ends = ofType(events, 'rangeTestEnd');
    expect(ends.map((end) => [end.repeatIdx, end.numRepeats])).toEqual([
      [0, 3],
      [1, 3],
      [2, 3],
    ]);
    const chunks = ofType(events, 'rangeTestProgress');
    const losses = [0, 1, 2].map((repeatIdx) =>
      series(
        chunks.filter((c) => c.repeatIdx === repeatIdx),
        (c) => c.loss,
      ),
    );
    expect(losses[0]).toEqual(singleLosses);
    expect(losses[1][0]).not.toBe(losses[0][0]);
    expect(losses[2][0]).not.toBe(losses[1][0]);

    // The optimizer state (momentum, step count) too, after all three sweeps.
    await expectOptimizerRestored(engine, warmUp);
  });

  it('a stop during a repeated test ends it after the current sweep', async () => {
    const { engine, events } = session();
    const done = engine.rangeTest({ ...DEFAULT_RANGE_TEST, numIter: 200, repeats: 5 });
    setTimeout(() => engine.stop(), 50);
    const end = await done;
    expect(end.reason).toBe('stopped');
    expect(ofType(events, 'rangeTestEnd').length).toBeLessThan(5);
    expect(engine.busy).toBe(false);
    engine.dispose();
  });

  it('stops on divergence and says so', async () => {
    const { engine, events } = session();
    const end = await engine.rangeTest({
      ...DEFAULT_RANGE_TEST,
      startLr: 1e-3,
      endLr: 1e4,
      numIter: 60,
    });
    expect(['diverged', 'nonFinite']).toContain(end.reason);
    expect(end.numSteps).toBeLessThan(60);
    expect(end.message).toMatch(/stopped there/);
    expect(series(ofType(events, 'rangeTestProgress'), (c) => c.lr)).toHaveLength(end.numSteps);
    engine.dispose();
  });

  it('measures a held-out batch at every step when asked', async () => {
    const { engine, events } = session();
    const end = await engine.rangeTest({ ...DEFAULT_RANGE_TEST, numIter: 12, heldOutBatch: true });
    const chunks = ofType(events, 'rangeTestProgress');
    const heldOut = series(chunks, (c) => c.heldOutAccuracy ?? []);
    expect(heldOut).toHaveLength(end.numSteps);
    for (const accuracy of heldOut) expect(accuracy).toBeGreaterThanOrEqual(0);
    engine.dispose();
  });
});

describe('training', () => {
  it('applies the scheduled LR and momentum at every step and learns the synthetic shapes', async () => {
    const { engine, events } = session({}, 480);
    const schedule = parseScheduleSpec({
      policy: 'triangular',
      baseLr: 0.01,
      maxLr: 0.08,
      stepSize: 15,
      cycleMomentum: true,
    });
    const end = await engine.train({
      schedule,
      length: { unit: 'cycles', value: 3 },
      validateEvery: 1000,
      maxSnapshots: 3,
      testAtEnd: true,
    });
    expect(end).toMatchObject({ reason: 'completed', iterations: 90 });
    const chunks = ofType(events, 'trainProgress');
    const lr = series(chunks, (c) => c.lr);
    const momentum = series(chunks, (c) => c.momentum ?? []);
    expect(lr).toEqual(lr.map((_, k) => lrAt(schedule, k)));
    expect(momentum).toEqual(momentum.map((_, k) => momentumAt(schedule, k)));
    expect(chunks.at(-1)?.totalIterations).toBe(90);

    const validations = ofType(events, 'validation');
    expect(validations.map((v) => v.iteration)).toEqual([30, 60, 90]);
    expect(validations.every((v) => v.isCycleEnd)).toBe(true);
    const last = validations.at(-1) as ValidationResult;
    expect(last.accuracy).toBeGreaterThan(0.8);
    expect(last.ensembleSize).toBe(3);
    expect(last.ensembleAccuracy).toBeGreaterThan(0.7);
    expect(validations[0].ensembleAccuracy).toBeNull();
    expect(ofType(events, 'test')[0].accuracy).toBeGreaterThan(0.8);
    expect(ofType(events, 'trainState').map((s) => s.state)).toEqual(['running', 'ended']);
    engine.dispose();
  });

  it('stops cleanly on a non-finite loss and keeps what was recorded', async () => {
    const { engine, events } = session({ optimizer: 'sgd' });
    const end = await engine.train({
      schedule: parseScheduleSpec({ policy: 'exp', lr: 1, gamma: 10 }),
      length: { unit: 'iterations', value: 200 },
      validateEvery: 1000,
      maxSnapshots: 0,
      testAtEnd: true,
    });
    expect(end.reason).toBe('nonFinite');
    expect(end.message).toMatch(/LR is too high/);
    const loss = series(ofType(events, 'trainProgress'), (c) => c.loss);
    expect(loss).toHaveLength(end.iterations);
    expect(Number.isFinite(loss.at(-1))).toBe(false);
    expect(ofType(events, 'test')).toHaveLength(0);
    const ended = ofType(events, 'trainState').at(-1);
    expect(ended).toMatchObject({ state: 'ended', reason: 'nonFinite' });
    engine.dispose();
  });

  it('pauses, single-steps, resumes and stops between steps', async () => {
    const { engine, events } = session();
    const run = engine.train(fixedRun(0.01, 10_000));
    const steps = () => series(ofType(events, 'trainProgress'), (c) => c.lr).length;
    const waitFor = async (check: () => boolean) => {
      while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
    };
    await waitFor(() => steps() > 0 || events.length > 1);
    engine.pause();
    await waitFor(() => ofType(events, 'trainState').at(-1)?.state === 'paused');
    const paused = steps();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(steps()).toBe(paused);
    engine.step();
    await waitFor(() => steps() === paused + 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(steps()).toBe(paused + 1);
    engine.resume();
    await waitFor(() => steps() > paused + 3);
    engine.stop();
    const end = await run;
    expect(end.reason).toBe('stopped');
    expect(steps()).toBe(end.iterations);
    expect(() => engine.reset()).not.toThrow();
    engine.dispose();
  });

  it('reset returns to the same initial weights', async () => {
    const { engine } = session();
    const initial = engine.weights();
    await engine.train(fixedRun(0.05, 3));
    const trained = engine.weights();
    expect(await bitwise(initial, trained)).toBe(false);
    engine.reset();
    const again = engine.weights();
    expect(await bitwise(initial, again)).toBe(true);
    tf.dispose([initial, trained, again].flatMap((w) => Object.values(w)));
    engine.dispose();
  });

  it('gives every race leg the same start: two resets, even across optimizers and range tests, train on bitwise-identical weights and batches', async () => {
    const { engine, events } = session({ augment: true });
    /** One leg as a race runs it: reset, then train; returns its per-step losses and accuracies. */
    const leg = async (change: Partial<SessionConfig>) => {
      engine.reset(change);
      const start = engine.weights();
      const from = events.length;
      await engine.train(fixedRun(0.02, 12));
      const chunks = ofType(events.slice(from), 'trainProgress');
      return {
        start,
        losses: series(chunks, (c) => c.loss),
        accuracies: series(chunks, (c) => c.accuracy),
      };
    };
    const first = await leg({ optimizer: 'sgdMomentum' });
    // In between: other legs train with another optimizer and run a range test first.
    await leg({ optimizer: 'adam' });
    await engine.rangeTest({ ...DEFAULT_RANGE_TEST, numIter: 10 });
    const second = await leg({ optimizer: 'sgdMomentum' });

    expect(await bitwise(first.start, second.start)).toBe(true);
    // Per-step losses and batch accuracies agree bit for bit only when every batch (and every
    // augmentation shift and dropout mask) is the same.
    expect(second.losses).toHaveLength(12);
    expect(second.losses).toEqual(first.losses);
    expect(second.accuracies).toEqual(first.accuracies);
    tf.dispose([first.start, second.start].flatMap((w) => Object.values(w)));
    engine.dispose();
  });
});

describe('optimizer options', () => {
  /** Σw² over every parameter after `steps` AdamW steps from the seed's weights. */
  const normAfter = async (weightDecay: number, steps: number) => {
    const { engine } = session({ optimizer: 'adamw', optimizerOptions: { weightDecay } });
    await engine.train(fixedRun(0.05, steps));
    const weights = engine.weights();
    // The parameters the optimizer moves; batch norm's running statistics are not decayed.
    const params = Object.entries(weights).filter(([name]) => !/running/.test(name));
    const norm = tf.tidy(() =>
      params.reduce((sum, [, w]) => sum + tf.sum(tf.square(w)).dataSync()[0], 0),
    );
    tf.dispose(Object.values(weights));
    engine.dispose();
    return norm;
  };

  it("AdamW's weight decay from the session shrinks the weights against none", async () => {
    const none = await normAfter(0, 10);
    const decayed = await normAfter(1, 10);
    // (1 − 0.05·1)^10 ≈ 0.6 on every weight, against Adam steps of about ±0.05 each.
    expect(decayed).toBeLessThan(0.8 * none);
  });

  it('another optimizer starts from its defaults; an option it lacks is refused by name', () => {
    const { engine } = session({ optimizer: 'adamw', optimizerOptions: { weightDecay: 0.5 } });
    expect(engine.sessionConfig.optimizerOptions).toEqual({ weightDecay: 0.5 });
    engine.reset({ optimizer: 'adam' });
    expect(engine.sessionConfig.optimizerOptions).toBeUndefined();
    expect(() => engine.reset({ optimizer: 'adam', optimizerOptions: { momentum: 0.5 } })).toThrow(
      /^session\.optimizerOptions\.momentum is not an option of adam/,
    );
    engine.dispose();
  });
});

describe('memory', () => {
  it('keeps the tensor count flat over 500+ range-test and training steps', async () => {
    const { engine } = session({
      batchSize: 8,
      model: { widthMultiplier: 0.25, batchNorm: true, dropoutRate: 0.25 },
    });
    const rangeTest = { ...DEFAULT_RANGE_TEST, startLr: 1e-5, endLr: 1e-3, numIter: 20 };
    const train = {
      schedule: parseScheduleSpec({
        policy: 'triangular2',
        baseLr: 0.001,
        maxLr: 0.01,
        stepSize: 10,
      }),
      length: { unit: 'iterations' as const, value: 40 },
      validateEvery: 25,
      maxSnapshots: 2,
      testAtEnd: false,
    };
    // Warm up once so lazily created tensors (optimizer slots) exist.
    await engine.rangeTest(rangeTest);
    await engine.train(train);
    const start = tf.memory().numTensors;
    let steps = 0;
    while (steps < 520) {
      steps += (await engine.rangeTest({ ...rangeTest, numIter: 60 })).numSteps;
      steps += (await engine.train({ ...train, length: { unit: 'iterations', value: 200 } }))
        .iterations;
    }
    expect(tf.memory().numTensors).toBe(start);
    engine.dispose();
  }, 300_000);
});
