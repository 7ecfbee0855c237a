import type {
  RangeTestConfig,
  RunLength,
  ScheduleSpec,
  SessionConfig,
  TrainConfig,
} from '../../core';

/**
 * What crosses the worker boundary, defined where it is made. No tfjs values here: the UI
 * imports these types and must never pull tfjs in. The configs the page sends are the core's
 * schemas (`src/core/config/`), which the engine checks them against on arrival.
 */

export type { RangeTestConfig, RunLength, SessionConfig, TrainConfig };

export type RangeTestStopReason = 'completed' | 'diverged' | 'nonFinite' | 'stopped';
export type TrainStopReason = 'completed' | 'nonFinite' | 'stopped' | 'cycleEnd';

/** Per-step series of a range test, from step `fromIdx` on (typed arrays, transferred). */
export interface RangeTestProgress {
  type: 'rangeTestProgress';
  /** Which sweep of a repeated test (0-based). */
  repeatIdx: number;
  fromIdx: number;
  lr: Float64Array;
  loss: Float32Array;
  accuracy: Float32Array;
  /** Present when the test measures a held-out batch. */
  heldOutLoss?: Float32Array;
  heldOutAccuracy?: Float32Array;
}

export interface RangeTestEnd {
  type: 'rangeTestEnd';
  /** Which sweep ended (0-based); the test is over after sweep numRepeats − 1 or a stop. */
  repeatIdx: number;
  numRepeats: number;
  reason: RangeTestStopReason;
  /** Steps recorded. */
  numSteps: number;
  message: string;
  wallMs: number;
}

/** Per-step series of training, from step `fromIdx` on. `momentum` is null unless the schedule cycles it. */
export interface TrainProgress {
  type: 'trainProgress';
  fromIdx: number;
  lr: Float64Array;
  momentum: Float64Array | null;
  /**
   * Prodigy only: the step size each step actually took, lr·d (bias correction included),
   * where d is Prodigy's own estimate; absent for optimizers whose step size is the LR.
   */
  effectiveLr?: Float64Array;
  loss: Float32Array;
  accuracy: Float32Array;
  samplesPerSec: number;
  epochIdx: number;
  iterationsPerEpoch: number;
  totalIterations: number;
}

export interface ValidationResult {
  type: 'validation';
  /** Steps completed when measured. */
  iteration: number;
  loss: number;
  accuracy: number;
  isCycleEnd: boolean;
  cycleNum: number;
  /** Accuracy of the average softmax of the kept snapshots, at cycle ends once there are two. */
  ensembleAccuracy: number | null;
  ensembleSize: number;
  /**
   * At cycle ends with snapshots on: index m - 1 holds the accuracy of the ensemble of the
   * newest m snapshots (index 0 is this cycle's snapshot alone), for every m up to the number
   * kept; its last entry is `ensembleAccuracy` once two are kept. Empty elsewhere.
   */
  ensembleByM: number[];
}

export interface TestResult {
  type: 'test';
  iteration: number;
  loss: number;
  accuracy: number;
}

export type TrainState = 'running' | 'paused' | 'ended';

export interface TrainStateChange {
  type: 'trainState';
  state: TrainState;
  reason?: TrainStopReason;
  message?: string;
}

/**
 * A schedule sent during a run took over: `iteration` is the first step trained under `spec`
 * (0-based), and `totalIterations` the run's length as it now stands (a run of cycles recounts).
 */
export interface ScheduleChanged {
  type: 'scheduleChanged';
  iteration: number;
  spec: ScheduleSpec;
  totalIterations: number;
}

export type EngineEvent =
  | RangeTestProgress
  | RangeTestEnd
  | TrainProgress
  | ValidationResult
  | TestResult
  | TrainStateChange
  | ScheduleChanged;

export type EmitEvent = (event: EngineEvent) => void;
