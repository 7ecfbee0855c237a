import * as Comlink from 'comlink';
import type { BackendName, EngineApi, EngineEvent } from '../src/worker/contract';
import { trainingFlopsPerSample } from '../src/engine/model/cnnFlops';
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
const log = document.getElementById('log');

let longestMainTaskMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries())
    longestMainTaskMs = Math.max(longestMainTaskMs, entry.duration);
}).observe({ type: 'longtask', buffered: false });

function say(line: string) {
  if (log) log.textContent += `\n${line}`;
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
  const init = await engine.init(
    {
      session: {
        dataset: 'mnist',
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

async function main() {
  const engine = await engineLoop();
  const bare = await bareLoop(engine.init.backend.backend);
  const onWasm = engine.init.backend.backend === 'wasm';
  const kernels = onWasm && kernelRounds > 0 ? await kernelSweep() : null;
  const flopsPerSample = trainingFlopsPerSample(model);
  window.benchResult = {
    backend: engine.init.backend.backend,
    samplesPerSec: Number(engine.samplesPerSec.toFixed(1)),
    gflopsPerSec: Number(((engine.samplesPerSec * flopsPerSample) / 1e9).toFixed(2)),
    mflopPerSample: Number((flopsPerSample / 1e6).toFixed(2)),
    bareSamplesPerSec: Number(bare.samplesPerSec.toFixed(1)),
    loopEfficiency: Number((engine.samplesPerSec / bare.samplesPerSec).toFixed(3)),
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
