import * as Comlink from 'comlink';
import type { BackendName, EngineApi, EngineEvent, InitOptions } from '../src/worker/contract';
import { readCifarBatch } from '../src/engine/data/import/cifarBinary';
import { fitImages } from '../src/engine/data/import/fitImages';
import type { ImageSet } from '../src/engine/data/imageSet';
import { MNIST_SHAPE, type InputShape } from '../src/engine/model/cnn';
import { trainingFlopsPerSample } from '../src/engine/model/cnnFlops';
import { cifarBatchBytes } from '../src/testing/importFixtures';
import type { BareLoop } from './bareLoop.worker';

/**
 * Measures one backend in a real browser: the engine worker's training loop, a bare tfjs loop
 * on the same backend and data, a 100-step range test, and the longest main-thread task meanwhile.
 * The result lands in `window.benchResult` for scripts/bench.mjs.
 */
declare global {
  interface Window {
    benchResult?: unknown;
    benchError?: string;
  }
}

const params = new URLSearchParams(location.search);
const forced = params.get('backend') as BackendName | null;
const steps = Number(params.get('steps') ?? 40);
const rangeSteps = Number(params.get('rangeSteps') ?? 100);
/** Rounds of the wasm kernel sweep (0: none); each round steps every configuration `sweepSteps` times. */
const kernelRounds = Number(params.get('kernelRounds') ?? 0);
const sweepSteps = Number(params.get('sweepSteps') ?? 20);
const batchSize = 64;
const model = { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 };
const dataBaseUrl = new URL('/data/', location.origin).href;
const wasmBaseUrl = new URL('/wasm/', location.origin).href;
/** `?threads=N` runs wasm on N threads; default one per logical core. */
const wasmThreads = Number(params.get('threads') ?? 0) || undefined;
/** `?shape=32x32x3` trains on CIFAR-sized colour images (the import fixtures' pattern set). */
const colour = params.get('shape') === '32x32x3';
const shape: InputShape = colour ? { side: 32, channels: 3, numClasses: 10 } : MNIST_SHAPE;
const log = document.getElementById('log');

let longestMainTaskMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    longestMainTaskMs = Math.max(longestMainTaskMs, entry.duration);
}).observe({ type: 'longtask', buffered: false });

function say(line: string) {
  if (log) log.textContent += `\n${line}`;
}

/** 32×32 colour images in 10 classes, made here, as an imported dataset hands them over. */
function colourSet(count: number, first: number): ImageSet {
  const read = readCifarBatch(cifarBatchBytes(count, first), 'bench.bin');
  return { ...fitImages(read, 32, 3), numClasses: 10 };
}

/** The dataset the bench trains on: MNIST, or a made-up CIFAR-sized one. */
function benchData(): Pick<InitOptions, 'imported'> & { dataset: 'mnist' | 'imported:bench' } {
  if (!colour) return { dataset: 'mnist' };
  return {
    dataset: 'imported:bench',
    imported: { name: 'imported:bench', train: colourSet(2000, 0), heldOut: colourSet(200, 2000) },
  };
}

async function engineLoop() {
  const worker = new Worker(new URL('../src/worker/engine.worker.ts', import.meta.url), {
    type: 'module',
  });
  const engine = Comlink.wrap<EngineApi>(worker);
  // Average of the loop's own per-window rates, weighted by steps, after the first (warm-up) window.
  let weightedRate = 0;
  let weightedSteps = 0;
  const onEvent = (event: EngineEvent) => {
    if (event.type !== 'trainProgress' || event.fromIdx === 0) return;
    weightedRate += event.samplesPerSec * event.loss.length;
    weightedSteps += event.loss.length;
  };
  const { dataset, imported } = benchData();
  const init = await engine.init(
    {
      session: {
        dataset,
        model,
        optimizer: 'sgdMomentum',
        batchSize,
        seed: 1,
        augment: false,
      },
      ...(forced ? { backend: forced } : {}),
      dataBaseUrl,
      wasmBaseUrl,
      ...(wasmThreads ? { wasmThreads } : {}),
      ...(imported ? { imported } : {}),
    },
    Comlink.proxy(onEvent),
  );
  say(`engine on ${init.backend.backend}; ${JSON.stringify(init.backend.wasm)}`);
  const tensorsBefore = await engine.numTensors();
  const trainStarted = performance.now();
  const end = await engine.train({
    schedule: { policy: 'fixed', lr: 0.01 },
    length: { unit: 'iterations', value: steps },
    validateEvery: 1_000_000,
    maxSnapshots: 0,
    testAtEnd: false,
  });
  const samplesPerSec = weightedSteps > 0 ? weightedRate / weightedSteps : 0;
  const wallSamplesPerSec =
    (end.iterations * batchSize * 1000) / (performance.now() - trainStarted);
  say(
    `engine loop: ${samplesPerSec.toFixed(1)} samples/s (wall incl. final validation ${wallSamplesPerSec.toFixed(1)})`,
  );
  const range =
    rangeSteps > 0
      ? await engine.rangeTest({
          startLr: 1e-5,
          endLr: 1,
          numIter: rangeSteps,
          mode: 'exp',
          divergeFactor: 1e9,
          heldOutBatch: false,
          repeats: 1,
          reinitWeights: false,
        })
      : null;
  if (range)
    say(`range test: ${range.numSteps} steps in ${range.wallMs.toFixed(0)} ms (${range.reason})`);
  const leaked = (await engine.numTensors()) - tensorsBefore;
  worker.terminate();
  return {
    init,
    samplesPerSec,
    rangeTestMs: range?.wallMs ?? null,
    rangeSteps: range?.numSteps ?? 0,
    leaked,
  };
}

async function bareLoop(backend: BackendName) {
  const worker = new Worker(new URL('./bareLoop.worker.ts', import.meta.url), { type: 'module' });
  const bare = Comlink.wrap<BareLoop>(worker);
  const result = await bare.run(backend, dataBaseUrl, wasmBaseUrl, steps, batchSize, wasmThreads);
  worker.terminate();
  say(`bare loop: ${result.samplesPerSec.toFixed(1)} samples/s on ${result.backend}`);
  return result;
}

/** Samples/s of the bare loop on wasm per kernel configuration: all ours, none, each one off. */
async function kernelSweep(): Promise<Record<string, number>> {
  const worker = new Worker(new URL('./bareLoop.worker.ts', import.meta.url), { type: 'module' });
  const bare = Comlink.wrap<BareLoop>(worker);
  const result = await bare.kernelSweep(
    dataBaseUrl,
    wasmBaseUrl,
    sweepSteps,
    batchSize,
    kernelRounds,
    wasmThreads,
  );
  worker.terminate();
  say(`wasm kernels (samples/s): ${JSON.stringify(result)}`);
  return result;
}

/** Per-kernel step times on wasm, with our SIMD kernels threaded and on one thread. */
async function kernelProfile(profileSteps: number) {
  const worker = new Worker(new URL('./bareLoop.worker.ts', import.meta.url), { type: 'module' });
  const bare = Comlink.wrap<BareLoop>(worker);
  const result = await bare.profile(dataBaseUrl, wasmBaseUrl, profileSteps, batchSize, wasmThreads);
  worker.terminate();
  return result;
}

async function main() {
  const profileSteps = Number(params.get('profileSteps') ?? 0);
  if (profileSteps > 0) {
    window.benchResult = { profile: await kernelProfile(profileSteps), threads: wasmThreads };
    return;
  }
  const engine = await engineLoop();
  // The bare loop and the kernel sweep train on MNIST only.
  const bare = colour ? null : await bareLoop(engine.init.backend.backend);
  const onWasm = engine.init.backend.backend === 'wasm';
  const kernels = onWasm && kernelRounds > 0 && !colour ? await kernelSweep() : null;
  const flopsPerSample = trainingFlopsPerSample(model, shape);
  window.benchResult = {
    backend: engine.init.backend.backend,
    shape: `${shape.side}x${shape.side}x${shape.channels}`,
    samplesPerSec: Number(engine.samplesPerSec.toFixed(1)),
    gflopsPerSec: Number(((engine.samplesPerSec * flopsPerSample) / 1e9).toFixed(2)),
    mflopPerSample: Number((flopsPerSample / 1e6).toFixed(2)),
    bareSamplesPerSec: bare ? Number(bare.samplesPerSec.toFixed(1)) : null,
    loopEfficiency: bare ? Number((engine.samplesPerSec / bare.samplesPerSec).toFixed(3)) : null,
    rangeTest100Ms:
      engine.rangeTestMs === null
        ? null
        : Math.round((engine.rangeTestMs * 100) / engine.rangeSteps),
    longestMainTaskMs: Math.round(longestMainTaskMs),
    wasm: engine.init.backend.wasm,
    threads: onWasm ? engine.init.backend.wasm.threads : null,
    kernels,
    crossOriginIsolated: engine.init.crossOriginIsolated,
    leakedTensors: engine.leaked,
    reasons: engine.init.backend.reasons,
    steps,
    batchSize,
  };
}

main().catch((error: unknown) => {
  window.benchError = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
  say(`failed: ${window.benchError}`);
});
