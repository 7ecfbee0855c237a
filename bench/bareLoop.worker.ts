import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { chooseBackend, type BackendName } from '../src/engine/backends/chooseBackend';
import {
  REPLACEABLE_WASM_KERNELS,
  registerWasmTrainingKernels,
} from '../src/engine/backends/wasmKernels';
import { trainingBatches, type Batch } from '../src/engine/data/batches';
import { fetchAssetReader } from '../src/engine/data/assetReader';
import { loadDataset } from '../src/engine/data/loadDataset';
import { createCnn, type Cnn } from '../src/engine/model/cnn';
import { createOptimizer, type Optimizer } from '../src/engine/optimizers/optimizer';
import { trainStep } from '../src/engine/optimizers/trainStep';

/** What a measured loop trains: the same model, optimizer and data as the engine. */
interface Setup {
  model: Cnn;
  optimizer: Optimizer;
  nextBatch: () => Batch;
}

async function setUp(
  backend: BackendName,
  dataBaseUrl: string,
  wasmBaseUrl: string,
  batchSize: number,
  wasmThreads: number | undefined,
): Promise<Setup> {
  await chooseBackend({ force: backend, wasmBaseUrl, wasmThreads });
  const dataset = await loadDataset('mnist', fetchAssetReader(dataBaseUrl));
  const model = createCnn({}, 1);
  const optimizer = createOptimizer('sgdMomentum', model.params);
  let epoch = 0;
  let batches = trainingBatches(dataset.train, { batchSize, seed: 1, epoch });
  const nextBatch = (): Batch => {
    const { value, done } = batches.next();
    if (!done) return value;
    batches = trainingBatches(dataset.train, { batchSize, seed: 1, epoch: ++epoch });
    return nextBatch();
  };
  return { model, optimizer, nextBatch };
}

/**
 * Samples/s of `steps` steps back to back with no progress recording, no per-step read-back,
 * no yielding, after `warmup` steps.
 */
async function timeSteps(
  { model, optimizer, nextBatch }: Setup,
  steps: number,
  batchSize: number,
  warmup: number,
): Promise<number> {
  let started = 0;
  let last: tf.Scalar | null = null;
  for (let i = 0; i < warmup + steps; i++) {
    if (i === warmup) {
      if (last) await last.data();
      started = performance.now();
    }
    const { xs, ys } = nextBatch();
    const { loss, accuracy } = trainStep(model, optimizer, xs, ys, { lr: 0.01 });
    tf.dispose([xs, ys, accuracy]);
    last?.dispose();
    last = loss;
  }
  if (last) await last.data();
  const ms = performance.now() - started;
  last?.dispose();
  return (steps * batchSize * 1000) / ms;
}

function tearDown({ model, optimizer }: Setup): void {
  model.dispose();
  optimizer.dispose();
}

/** Kernel configurations the sweep compares, by the name the bench reports. */
function kernelConfigs(): [string, readonly string[]][] {
  return [
    ['all', []],
    ['none', REPLACEABLE_WASM_KERNELS],
    ...REPLACEABLE_WASM_KERNELS.map((k): [string, string[]] => [`without ${k}`, [k]]),
  ];
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * The baseline the engine's loop is measured against: the same model, optimizer, data and
 * backend, stepped back to back. On wasm it also sweeps our kernels (see kernelSweep).
 */
const bareLoop = {
  async run(
    backend: BackendName,
    dataBaseUrl: string,
    wasmBaseUrl: string,
    steps: number,
    batchSize: number,
    wasmThreads?: number,
  ) {
    const setup = await setUp(backend, dataBaseUrl, wasmBaseUrl, batchSize, wasmThreads);
    const samplesPerSec = await timeSteps(setup, steps, batchSize, 3);
    tearDown(setup);
    return { samplesPerSec, backend: tf.getBackend() };
  },

  /**
   * Samples/s on wasm with all our kernels, none (tfjs's own wherever it has one), and each
   * one turned off, median of `rounds` interleaved rounds so that load hits all alike.
   */
  async kernelSweep(
    dataBaseUrl: string,
    wasmBaseUrl: string,
    steps: number,
    batchSize: number,
    rounds: number,
    wasmThreads?: number,
  ): Promise<Record<string, number>> {
    const setup = await setUp('wasm', dataBaseUrl, wasmBaseUrl, batchSize, wasmThreads);
    const configs = kernelConfigs();
    const rates = configs.map((): number[] => []);
    for (let round = 0; round < rounds; round++) {
      for (const [i, [, disable]] of configs.entries()) {
        registerWasmTrainingKernels({ disable });
        rates[i].push(await timeSteps(setup, steps, batchSize, 2));
      }
    }
    registerWasmTrainingKernels();
    tearDown(setup);
    return Object.fromEntries(
      configs.map(([name], i) => [name, Number(median(rates[i]).toFixed(1))]),
    );
  },
};

export type BareLoop = typeof bareLoop;
Comlink.expose(bareLoop);
