import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import * as Comlink from 'comlink';
import { chooseBackend, type BackendName } from '../src/engine/backends/chooseBackend';
import {
  REPLACEABLE_WASM_KERNELS,
  registerWasmTrainingKernels,
} from '../src/engine/backends/wasmKernels';
import { useSimdThreads } from '../src/engine/backends/simd/simdModule';
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
    // All of ours, our SIMD kernels on the calling thread alone (XNNPACK keeps its threads).
    [ONE_THREAD, []],
    ...REPLACEABLE_WASM_KERNELS.map((k): [string, string[]] => [`without ${k}`, [k]]),
  ];
}
const ONE_THREAD = 'ours on one thread';

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Per kernel, the median over steps of its summed time in one step, in ms. */
async function kernelTimes(setup: Setup, steps: number): Promise<Record<string, number>> {
  const perStep: Record<string, number>[] = [];
  for (let s = 0; s < steps; s++) {
    const { xs, ys } = setup.nextBatch();
    const profile = await tf.profile(() => {
      const { loss, accuracy } = trainStep(setup.model, setup.optimizer, xs, ys, { lr: 0.01 });
      loss.dataSync();
      tf.dispose([loss, accuracy]);
    });
    tf.dispose([xs, ys]);
    const sums: Record<string, number> = {};
    for (const k of profile.kernels) sums[k.name] = (sums[k.name] ?? 0) + Number(k.kernelTimeMs);
    perStep.push(sums);
  }
  const names = [...new Set(perStep.flatMap((sums) => Object.keys(sums)))];
  return Object.fromEntries(
    names.map((name) => [name, Number(median(perStep.map((t) => t[name] ?? 0)).toFixed(3))]),
  );
}

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
      for (const [i, [name, disable]] of configs.entries()) {
        registerWasmTrainingKernels({ disable });
        useSimdThreads(tf.backend() as BackendWasm, name !== ONE_THREAD);
        rates[i].push(await timeSteps(setup, steps, batchSize, 2));
      }
    }
    registerWasmTrainingKernels();
    useSimdThreads(tf.backend() as BackendWasm, true);
    tearDown(setup);
    return Object.fromEntries(
      configs.map(([name], i) => [name, Number(median(rates[i]).toFixed(1))]),
    );
  },

  /**
   * Where a step's time goes on wasm, per kernel (median ms over `steps` profiled steps), with
   * our SIMD kernels on their threads and on the calling thread alone, interleaved by round.
   */
  async profile(
    dataBaseUrl: string,
    wasmBaseUrl: string,
    steps: number,
    batchSize: number,
    wasmThreads?: number,
  ): Promise<{ threaded: Record<string, number>; oneThread: Record<string, number> }> {
    const setup = await setUp('wasm', dataBaseUrl, wasmBaseUrl, batchSize, wasmThreads);
    const backend = tf.backend() as BackendWasm;
    await timeSteps(setup, 5, batchSize, 0);
    useSimdThreads(backend, false);
    const oneThread = await kernelTimes(setup, steps);
    useSimdThreads(backend, true);
    const threaded = await kernelTimes(setup, steps);
    tearDown(setup);
    return { threaded, oneThread };
  },
};

export type BareLoop = typeof bareLoop;
Comlink.expose(bareLoop);
