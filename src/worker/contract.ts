import type { RangeTestConfig, RunLength, ScheduleSpec, SessionConfig, TrainConfig } from '../core';
import type { BackendName, BackendReport } from '../engine/backends/chooseBackend';
import type { EngineEvent, RangeTestEnd } from '../engine/training/engineEvents';
import type { ModelFiles } from '../engine/model/exportLayersModel';
import type { ImportedDatasetSets } from '../engine/data/importedDataset';
import type { DatasetInfo } from '../engine/training/engineSession';
import type { TrainEnd } from '../engine/training/trainingRun';

/**
 * The worker boundary in one place: the commands the page can send (a facade exposed with
 * Comlink) and the one stream of batched progress events it receives. Type-only imports: the
 * page that imports this never loads tfjs.
 */

export type {
  BackendName,
  BackendReport,
  DatasetInfo,
  EngineEvent,
  ImportedDatasetSets,
  ModelFiles,
  RangeTestConfig,
  RangeTestEnd,
  RunLength,
  SessionConfig,
  TrainConfig,
  TrainEnd,
};
export type {
  RangeTestProgress,
  RangeTestStopReason,
  ScheduleChanged,
  TestResult,
  TrainProgress,
  TrainState,
  TrainStateChange,
  TrainStopReason,
  ValidationResult,
} from '../engine/training/engineEvents';

export interface InitOptions {
  session: SessionConfig;
  /** Force one backend (URL parameter / setting); the best that trains otherwise. */
  backend?: BackendName;
  /** Absolute URL of the folder holding the dataset assets (public/data/). */
  dataBaseUrl: string;
  /** Absolute URL of the folder holding tfjs's .wasm binaries (public/wasm/). */
  wasmBaseUrl: string;
  /** Threads for the wasm backend; default one per logical core. Fixed once it has started. */
  wasmThreads?: number;
  /**
   * The images of an imported dataset, when `session.dataset` names one (`imported:<id>`):
   * the page reads them from its storage and transfers their buffers.
   */
  imported?: ImportedDatasetSets;
}

export interface InitResult {
  backend: BackendReport;
  dataset: DatasetInfo;
  /** Whether the page is cross-origin isolated (needed for wasm threads). */
  crossOriginIsolated: boolean;
}

/**
 * The commands of the engine worker. Each checks its config against the core's schema and
 * rejects a bad one with a message naming the field (`rangeTest.endLr must be above …`).
 */
export interface EngineApi {
  /** Picks a backend, loads the dataset and builds the model; `onEvent` receives all progress. */
  init(options: InitOptions, onEvent: (event: EngineEvent) => void): Promise<InitResult>;
  /** New model settings on the same dataset: back to the seed's initial weights. */
  reset(change?: Partial<Omit<SessionConfig, 'dataset'>>): Promise<void>;
  rangeTest(config: RangeTestConfig): Promise<RangeTestEnd>;
  train(config: TrainConfig): Promise<TrainEnd>;
  pause(): Promise<void>;
  resume(): Promise<void>;
  step(): Promise<void>;
  stop(): Promise<void>;
  stopAtEndOfCycle(): Promise<void>;
  /**
   * The running (or paused) training run follows `spec` from its next step on (a
   * `scheduleChanged` event says from which); rejected when no run is active or the spec is
   * invalid (`schedule.maxLr must be greater than 0, …`).
   */
  setSchedule(spec: ScheduleSpec): Promise<void>;
  /**
   * The current weights as a TF.js layers model (`tf.loadLayersModel`), with model.json naming
   * the weights file `weightsFileName`; refused while a run is in progress.
   */
  exportModel(weightsFileName: string): Promise<ModelFiles>;
  /** Live tensor count, for leak checks. */
  numTensors(): Promise<number>;
  /** The heartbeat: answers at once whenever the worker is alive and not stuck. */
  ping(): Promise<true>;
  /**
   * Calls `onLost` when the backend's GPU context (WebGL context, WebGPU device) is lost;
   * the engine cannot go on on that backend after it.
   */
  watchBackend(onLost: (message: string) => void): Promise<void>;
  /**
   * Test hook (reached from Playwright, never from the UI): the worker closes itself, hangs,
   * or loses its GPU context, as a crashed or stuck engine would.
   */
  injectFault(fault: EngineFault): Promise<void>;
}

export type EngineFault = 'close' | 'stall' | 'loseContext';
