import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseScheduleSpec } from '../../core';
import { trainingRecord } from '../../testing/keptRunFixtures';
import type { EngineClient } from '../engineClient/engineClient';
import { runRangeTest, trainWith } from '../engineClient/engineActions';
import {
  appendRangeTest,
  appendTraining,
  clearRangeTestSeries,
  clearTrainingSeries,
  trainingSeries,
} from '../series/runSeries';
import { useAppStore } from '../store';
import { checkpointLiveRuns, keepRangeTest, keepTrainingRun } from './liveRuns';
import { createRunKeeper } from './runKeeper';
import { idbRunBackend } from './runStore';

const store = () => useAppStore.getState();
const spec = trainingRecord().schedule;

/** An engine whose runs start and return at once; the test sends their progress itself. */
const idleEngine = {
  api: {
    rangeTest: async () => undefined,
    train: async () => ({ reason: 'completed', message: '', iterations: 0, wallMs: 0 }),
  },
} as unknown as EngineClient;

/** The engine's progress for `n` training steps, as the worker sends it. */
function trainSteps(n: number): void {
  appendTraining({
    type: 'trainProgress',
    fromIdx: 0,
    lr: Float64Array.from({ length: n }, (_, k) => 0.01 * (k + 1)),
    momentum: null,
    loss: Float32Array.from({ length: n }, (_, k) => 2 - k / 10),
    accuracy: Float32Array.from({ length: n }, () => 0.5),
    samplesPerSec: 900,
    epochIdx: 0,
    iterationsPerEpoch: 8,
    totalIterations: n,
  });
}

beforeEach(() => {
  store().setEngineClient(idleEngine);
  clearTrainingSeries();
  clearRangeTestSeries();
  store().setRuns({ list: [], unsaved: [] });
  store().setTraining({ status: 'idle', numIterationsPlanned: 0, test: null });
  store().setRangeTest({ status: 'idle' });
  store().setEngine({
    dataset: {
      name: 'synthetic',
      trainSize: 500,
      validationSize: 100,
      testSize: 100,
      numClasses: 10,
      iterationsPerEpoch: 8,
    },
  });
});

describe('keeping the live training run when it ends', () => {
  it('keeps what was recorded and what it ran with, even when the engine crashed', async () => {
    store().setTraining({ length: { unit: 'iterations', value: 5 } });
    await trainWith(spec, store().training.length);
    // Settings edited while it runs do not change what it ran with.
    store().setTraining({ length: { unit: 'epochs', value: 9 } });
    trainSteps(3);
    store().setTraining({ numIterationsPlanned: 5, samplesPerSec: 900 });
    trainingSeries.validations.push(trainingRecord().validations[0]);

    keepTrainingRun({ reason: 'crashed', message: 'The engine crashed: lost device' });
    keepTrainingRun({ reason: 'crashed', message: 'reported twice' });

    const runs = store().runs.list;
    expect(runs).toHaveLength(1);
    const [run] = runs;
    if (run.kind !== 'training') throw new Error('expected a training run');
    expect(run).toMatchObject({
      name: expect.stringMatching(/^triangular [0-9.e-]+–[0-9.e-]+, 5 iterations$/),
      stopReason: 'crashed',
      message: 'The engine crashed: lost device',
      schedule: spec,
      length: { unit: 'iterations', value: 5 },
      samplesPerSec: 900,
      validations: [trainingRecord().validations[0]],
    });
    expect(Array.from(run.series.lr)).toEqual([0.01, 0.02, 0.03]);
    expect(run.series.momentum).toBeNull();
    // A copy: the next run reuses the live buffers.
    clearTrainingSeries();
    trainSteps(1);
    expect(run.series.lr).toHaveLength(3);
  });

  it('records a race leg by the iterations the engine planned, not the form length', async () => {
    store().setTraining({ length: { unit: 'epochs', value: 1 } });
    // A race leg asks for its own length.
    await trainWith(spec, { unit: 'iterations', value: 40 });
    trainSteps(4);
    store().setTraining({ numIterationsPlanned: 40 });
    keepTrainingRun({ reason: 'stopped', message: 'Stopped by request after 4 iterations.' });
    expect(store().runs.list[0]).toMatchObject({
      name: expect.stringMatching(/^triangular [0-9.e-]+–[0-9.e-]+, 40 iterations$/),
      length: { unit: 'iterations', value: 40 },
    });
  });

  it('keeps a run changed mid-run with its changes, under a name that says what it became', async () => {
    store().setTraining({ length: { unit: 'iterations', value: 5 } });
    await trainWith(spec, store().training.length);
    trainSteps(4);
    const raised = parseScheduleSpec({ ...spec, maxLr: 0.5 });
    store().setTraining({ scheduleChanges: [{ iteration: 2, spec: raised }] });
    keepTrainingRun({ reason: 'completed' });
    expect(store().runs.list[0]).toMatchObject({
      name: expect.stringMatching(
        /^triangular [0-9.e-]+–[0-9.e-]+ → [0-9.e-]+–0\.5 at 2, 5 iterations$/,
      ),
      schedule: spec,
      scheduleChanges: [{ iteration: 2, spec: raised }],
    });
  });

  it('keeps nothing for a run that recorded no step', async () => {
    await trainWith(spec, store().training.length);
    keepTrainingRun({ reason: 'failed', message: 'bad config' });
    expect(store().runs.list).toEqual([]);
  });
});

describe('keeping the live range test when it ends', () => {
  it('keeps the sweep it ran with and its end', async () => {
    store().setRangeTestConfig({ startLr: 1e-4, endLr: 1, numIter: 20 });
    await runRangeTest();
    store().setRangeTestConfig({ endLr: 100 });
    appendRangeTest({
      type: 'rangeTestProgress',
      repeatIdx: 0,
      fromIdx: 0,
      lr: Float64Array.from([1e-4, 1e-3]),
      loss: Float32Array.from([2.3, 2.2]),
      accuracy: Float32Array.from([0.1, 0.2]),
    });
    keepRangeTest({ reason: 'stopped', message: 'Stopped by request.', wallMs: 400 });

    const [run] = store().runs.list;
    if (run.kind !== 'rangeTest') throw new Error('expected a range test');
    expect(run).toMatchObject({
      name: 'Range test 1e-4→1',
      stopReason: 'stopped',
      wallMs: 400,
      config: { startLr: 1e-4, endLr: 1, numIter: 20 },
      series: { heldOutLoss: null, heldOutAccuracy: null },
    });
    // 2 steps of 64 samples in 0.4 s.
    expect(run.samplesPerSec).toBeCloseTo(320, 9);
    expect(Array.from(run.series.loss)).toEqual([Math.fround(2.3), Math.fround(2.2)]);
  });
});

describe('checkpointing the live run', () => {
  it('writes the steps so far to storage as "interrupted", without listing the run yet', async () => {
    store().setTraining({ length: { unit: 'iterations', value: 50 } });
    await trainWith(spec, store().training.length);
    trainSteps(12);
    await checkpointLiveRuns();
    expect(store().runs.list).toEqual([]);

    // What the next visit reads back if the page goes away now.
    const id = store().training.ranWith?.id;
    store().setRuns({ list: [], loaded: false });
    await createRunKeeper(idbRunBackend()).load();
    const run = store().runs.list.find((kept) => kept.id === id);
    expect(run).toMatchObject({
      stopReason: 'interrupted',
      name: expect.stringMatching(/^triangular [0-9.e-]+–[0-9.e-]+, 50 iterations$/),
    });
    expect(run?.series.lr).toHaveLength(12);
  });
});
