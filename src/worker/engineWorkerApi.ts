import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { isImportedDatasetName, parseConfig, sessionConfigSchema } from '../core';
import { chooseBackend } from '../engine/backends/chooseBackend';
import { loseContext, watchContextLoss } from '../engine/backends/contextLoss';
import { fetchAssetReader } from '../engine/data/assetReader';
import type { Dataset } from '../engine/data/imageSet';
import { importedDataset } from '../engine/data/importedDataset';
import { loadDataset } from '../engine/data/loadDataset';
import { syntheticDataset } from '../engine/data/synthetic';
import { exportLayersModel } from '../engine/model/exportLayersModel';
import type { EngineEvent } from '../engine/training/engineEvents';
import { EngineSession } from '../engine/training/engineSession';
import type { EngineApi, EngineFault, InitOptions, InitResult, SessionConfig } from './contract';

/** The typed arrays of an event, handed over to the page rather than copied. */
function buffersOf(event: EngineEvent): Transferable[] {
  return Object.values(event)
    .filter((value): value is Float32Array | Float64Array => ArrayBuffer.isView(value))
    .map((array) => array.buffer as ArrayBuffer);
}

/** The engine behind the worker boundary: one session at a time. */
export class EngineWorkerApi implements EngineApi {
  private session: EngineSession | null = null;

  async init(options: InitOptions, onEvent: (event: EngineEvent) => void): Promise<InitResult> {
    // Checked before anything loads: the dataset and the backend's model both come from it.
    const config = parseConfig('session', sessionConfigSchema, options.session);
    if (isImportedDatasetName(config.dataset) && options.imported?.name !== config.dataset) {
      throw new Error(`The images of ${config.dataset} were not handed to the engine.`);
    }
    this.session?.dispose();
    this.session = null;
    const backend = await chooseBackend({
      wasmBaseUrl: options.wasmBaseUrl,
      wasmThreads: options.wasmThreads,
      force: options.backend,
      model: config.model,
    });
    const dataset = await this.loadDataset(config.dataset, options);
    const emit = (event: EngineEvent) => {
      // Fire and forget: the page's listener returns nothing the loop should wait for.
      void onEvent(Comlink.transfer(event, buffersOf(event)));
    };
    this.session = new EngineSession(dataset, config, emit);
    return {
      backend,
      dataset: this.session.datasetInfo,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  }

  async reset(change: Parameters<EngineApi['reset']>[0] = {}): Promise<void> {
    this.current().reset(change);
  }

  rangeTest(config: Parameters<EngineApi['rangeTest']>[0]) {
    return this.current().rangeTest(config);
  }

  train(config: Parameters<EngineApi['train']>[0]) {
    return this.current().train(config);
  }

  async pause() {
    this.session?.pause();
  }

  async resume() {
    this.session?.resume();
  }

  async step() {
    this.session?.step();
  }

  async stop() {
    this.session?.stop();
  }

  async setSchedule(spec: Parameters<EngineApi['setSchedule']>[0]) {
    this.current().setSchedule(spec);
  }

  async stopAtEndOfCycle() {
    this.session?.stopAtEndOfCycle();
  }

  async exportModel(weightsFileName: string) {
    const session = this.current();
    if (session.busy)
      throw new Error('Cannot export the model while a run is in progress; stop it first.');
    const weights = await session.exportWeights();
    try {
      const files = await exportLayersModel(
        session.sessionConfig.model,
        weights,
        weightsFileName,
        session.inputShape,
      );
      return Comlink.transfer(files, [files.weights]);
    } finally {
      tf.dispose(Object.values(weights));
    }
  }

  async numTensors() {
    return tf.memory().numTensors;
  }

  async ping(): Promise<true> {
    return true;
  }

  async watchBackend(onLost: (message: string) => void): Promise<void> {
    watchContextLoss((message) => void onLost(message));
  }

  async injectFault(fault: EngineFault): Promise<void> {
    if (fault === 'close') globalThis.close();
    else if (fault === 'loseContext') {
      if (!loseContext()) throw new Error(`The ${tf.getBackend()} backend has no GPU context.`);
    } else {
      // Blocks the worker's only thread, as an endless loop in a kernel would.
      for (;;) {
        /* stuck */
      }
    }
  }

  private async loadDataset(
    name: SessionConfig['dataset'],
    options: InitOptions,
  ): Promise<Dataset> {
    if (name === 'synthetic') return syntheticDataset();
    if (!isImportedDatasetName(name)) {
      return loadDataset(name, fetchAssetReader(options.dataBaseUrl));
    }
    if (!options.imported) throw new Error(`The images of ${name} were not handed to the engine.`);
    return importedDataset(options.imported);
  }

  private current(): EngineSession {
    if (!this.session) throw new Error('The engine is not initialised yet: call init() first.');
    return this.session;
  }
}
