import type { RangeTestRecord, TrainingRecord } from '../ui/runs/runRecord';

/** A short kept training run with every kind of value a real one holds (NaN loss included). */
export function trainingRecord(change: Partial<TrainingRecord> = {}): TrainingRecord {
  return {
    kind: 'training',
    id: 'run-training-1',
    name: 'triangular, 5 iterations',
    pinned: false,
    shown: true,
    startedAt: Date.UTC(2024, 4, 3, 12, 0, 0),
    wallMs: 1234.5,
    samplesPerSec: 812.25,
    backend: 'wasm',
    session: {
      dataset: 'synthetic',
      model: { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 },
      optimizer: 'sgdMomentum',
      batchSize: 64,
      seed: 1,
      augment: false,
    },
    message: 'The loss became NaN at iteration 4.',
    schedule: {
      policy: 'triangular',
      baseLr: 0.001,
      maxLr: 0.006,
      stepSize: 2,
      cycleMomentum: true,
      baseMomentum: 0.8,
      maxMomentum: 0.9,
    },
    scheduleChanges: [],
    length: { unit: 'iterations', value: 5 },
    stopReason: 'nonFinite',
    series: {
      lr: Float64Array.from([0.001, 0.0035, 0.006, 0.0035, 0.001]),
      momentum: Float64Array.from([0.9, 0.85, 0.8, 0.85, 0.9]),
      loss: Float64Array.from([2.3, 2.1, 1.7, Infinity, NaN]),
      accuracy: Float64Array.from([0.1, 0.25, 0.4, 0.5, 0.5]),
    },
    validations: [
      {
        type: 'validation',
        iteration: 2,
        loss: 1.9,
        accuracy: 0.375,
        isCycleEnd: false,
        cycleNum: 1,
        ensembleAccuracy: null,
        ensembleSize: 0,
        ensembleByM: [],
      },
      {
        type: 'validation',
        iteration: 4,
        loss: 1.6,
        accuracy: 0.5,
        isCycleEnd: true,
        cycleNum: 1,
        ensembleAccuracy: null,
        ensembleSize: 0,
        ensembleByM: [0.5],
      },
    ],
    test: { type: 'test', iteration: 5, loss: 1.55, accuracy: 0.52 },
    ...change,
  };
}

/** A short kept range test that measured a held-out batch. */
export function rangeTestRecord(change: Partial<RangeTestRecord> = {}): RangeTestRecord {
  return {
    kind: 'rangeTest',
    id: 'run-range-1',
    name: 'Range test 1e-5→10',
    pinned: true,
    shown: false,
    startedAt: Date.UTC(2024, 4, 3, 11, 0, 0),
    wallMs: 900,
    samplesPerSec: 1400,
    backend: null,
    session: trainingRecord().session,
    message: 'The smoothed loss diverged.',
    config: {
      startLr: 1e-5,
      endLr: 10,
      numIter: 20,
      mode: 'exp',
      divergeFactor: 4,
      heldOutBatch: true,
      repeats: 1,
      reinitWeights: false,
    },
    stopReason: 'diverged',
    series: {
      lr: Float64Array.from([1e-5, 1e-4, 1e-3]),
      loss: Float64Array.from([2.3, 2.2, 9.5]),
      accuracy: Float64Array.from([0.1, 0.2, 0.1]),
      heldOutLoss: Float64Array.from([2.31, 2.21, 9.1]),
      heldOutAccuracy: Float64Array.from([0.09, 0.19, 0.11]),
    },
    ...change,
  };
}
