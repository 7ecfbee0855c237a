import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasmKernels';

/** WASM capabilities as reported in the backend report. */
export interface WasmFeatures {
  simd: boolean;
  /** Threads XNNPACK uses; 0 while the wasm backend has not started. */
  threads: number;
  /** Why threads are off or fewer than asked, when they are. */
  threadsNote: string | null;
}

/** The most threads tfjs's wasm build can run (it starts 8 pthread workers). */
export const MAX_WASM_THREADS = 8;

let threadsNote: string | null = null;

/** Whether the wasm backend has started; unlike tf.findBackend this starts nothing. */
function wasmStarted(): boolean {
  return 'wasm' in tf.engine().registry;
}

/** Logical cores the browser reports (1 where it reports none). */
export function logicalCores(): number {
  const cores = globalThis.navigator?.hardwareConcurrency;
  return typeof cores === 'number' && cores >= 1 ? Math.floor(cores) : 1;
}

/**
 * How many threads to ask for: `requested` if given, else one per logical core, within
 * 1..MAX_WASM_THREADS.
 */
export function wasmThreadCount(requested: number | undefined, cores: number): number {
  const wanted = requested ?? cores;
  if (!Number.isFinite(wanted)) return 1;
  return Math.min(MAX_WASM_THREADS, Math.max(1, Math.floor(wanted)));
}

/**
 * tfjs 4.22's wasm binary caps its thread pool at `hardwareConcurrency / 2` (it assumes two
 * hyper-threads per core), so a 2-core laptop gets one thread whatever `setThreadsCount`
 * asks. The binary reads the count through the Emscripten glue once, when the backend starts;
 * reporting twice the wanted count, in this worker only, lifts the cap to what we ask for.
 */
function liftThreadCap(threads: number): void {
  const nav = globalThis.navigator;
  if (!nav) return;
  Object.defineProperty(nav, 'hardwareConcurrency', {
    value: threads * 2,
    configurable: true,
  });
}

/**
 * Readies the wasm backend before it starts: our training kernels, binaries from
 * `wasmBaseUrl` (our own assets; omit in Node, where tfjs finds them in node_modules),
 * and threads when the page is cross-origin isolated (`threads`: how many; default one per
 * logical core). The threaded build needs scripts/wasm-threads-plugin.mjs in the bundle.
 */
export function prepareWasm(wasmBaseUrl?: string, threads?: number): void {
  registerWasmTrainingKernels();
  // Paths and threading are fixed once the backend has started.
  if (wasmStarted()) return;
  if (wasmBaseUrl !== undefined) {
    setWasmPaths(wasmBaseUrl.endsWith('/') ? wasmBaseUrl : `${wasmBaseUrl}/`);
  }
  const count = wasmThreadCount(threads, logicalCores());
  if (globalThis.crossOriginIsolated !== true || wasmBaseUrl === undefined) {
    // Threads need SharedArrayBuffer (cross-origin isolation) and, in our bundles, the
    // threaded factory served beside the binaries; Node runs tfjs's single-threaded build.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    threadsNote =
      globalThis.crossOriginIsolated === true || wasmBaseUrl === undefined
        ? 'single-threaded build outside the browser'
        : 'the page is not cross-origin isolated (COOP/COEP headers missing)';
    return;
  }
  if (count === 1) {
    // One thread runs faster on the plain SIMD build than on the threaded one.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    threadsNote = threads === undefined ? 'one logical core' : 'one thread asked for';
    return;
  }
  liftThreadCap(count);
  setThreadsCount(count);
  threadsNote = null;
}

/** SIMD support and the thread count of the started wasm backend. */
export async function wasmFeatures(): Promise<WasmFeatures> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = wasmStarted() ? getThreadsCount() : 0;
  return { simd, threads, threadsNote };
}
