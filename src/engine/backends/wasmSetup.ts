import * as tf from '@tensorflow/tfjs';
import {
  getThreadsCount,
  setThreadsCount,
  setWasmPaths,
  type BackendWasm,
} from '@tensorflow/tfjs-backend-wasm';
import type { CnnOptions } from '../model/cnn';
import { gradientMismatch, stepGradients } from './gradientSelfTest';
import { startSimdThreads, stopSimdThreads, useSimdThreads } from './simd/simdModule';
import { registerWasmTrainingKernels } from './wasmKernels';

/** WASM capabilities as reported in the backend report. */
export interface WasmFeatures {
  simd: boolean;
  /** Threads XNNPACK uses; 0 while the wasm backend has not started. */
  threads: number;
  /** Threads our own SIMD kernels use (startWasmKernelThreads); 0 before it has run. */
  kernelThreads: number;
  /** Why threads are off or fewer than asked, when they are. */
  threadsNote: string | null;
}

/** The most threads tfjs's wasm build can run (it starts 8 pthread workers). */
export const MAX_WASM_THREADS = 8;

let threadsNote: string | null = null;
let kernelThreads = 0;
/** Why our SIMD kernels were kept on one thread although they could have had more. */
let kernelThreadsNote: string | null = null;

/** Whether the wasm backend has started; unlike tf.findBackend this starts nothing. */
function wasmStarted(): boolean {
  return 'wasm' in tf.engine().registry;
}

/** Logical cores the browser reports (1 where it reports none). */
function logicalCores(): number {
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

/** Why threads cannot run here, or null when they can. */
function threadsOffReason(wasmBaseUrl: string | undefined): string | null {
  // Node has no cross-origin isolation flag, and tfjs runs its single-threaded build there.
  if (typeof globalThis.crossOriginIsolated !== 'boolean')
    return 'single-threaded outside a browser';
  // Threads need SharedArrayBuffer, which only cross-origin isolated pages get.
  if (!globalThis.crossOriginIsolated)
    return 'the page is not cross-origin isolated (COOP/COEP headers missing)';
  // Our bundles serve the threaded factory beside the binaries (scripts/wasm-threads-plugin.mjs).
  if (wasmBaseUrl === undefined) return 'no address for the threaded build';
  return null;
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
  const offReason = threadsOffReason(wasmBaseUrl);
  if (offReason !== null) {
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    threadsNote = offReason;
    return;
  }
  if (count === 1) {
    // One thread needs no pthread workers: the plain SIMD build, which starts faster.
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    threadsNote = threads === undefined ? 'one logical core' : 'one thread asked for';
    return;
  }
  liftThreadCap(count);
  setThreadsCount(count);
  threadsNote = null;
}

/**
 * Once the wasm backend is active: our SIMD kernels on as many threads as XNNPACK has
 * (simdPool.ts), where tfjs runs its threaded build, after one step's gradients on those
 * threads matched the same step on this thread alone (else they stay on this one). Resolves
 * to the threads they run on; a shortfall is noted in the backend report.
 */
export async function startWasmKernelThreads(model: Partial<CnnOptions> = {}): Promise<number> {
  const backend = tf.backend() as BackendWasm;
  const threads = getThreadsCount();
  kernelThreadsNote = null;
  kernelThreads = await startSimdThreads(backend, threads);
  if (kernelThreads > 1) {
    useSimdThreads(backend, false);
    const alone = await stepGradients(model);
    useSimdThreads(backend, true);
    const wrong = gradientMismatch(await stepGradients(model), alone, 'one thread');
    if (wrong) {
      stopSimdThreads(backend);
      kernelThreads = 1;
      kernelThreadsNote = wrong;
    }
  } else if (threads > 1) {
    // Helpers that were asked for but are not up: stop them rather than let them join unchecked.
    stopSimdThreads(backend);
    kernelThreadsNote = 'their helper workers did not start';
  }
  return kernelThreads;
}

/** SIMD support and the thread counts of the started wasm backend. */
export async function wasmFeatures(): Promise<WasmFeatures> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  const threads = wasmStarted() ? getThreadsCount() : 0;
  const short =
    kernelThreads > 0 && kernelThreads < threads
      ? `our SIMD kernels on ${kernelThreads} thread${kernelThreads === 1 ? '' : 's'}` +
        (kernelThreadsNote ? ` (${kernelThreadsNote})` : '')
      : null;
  const note = [threadsNote, short].filter(Boolean).join('; ') || null;
  return { simd, threads, kernelThreads, threadsNote: note };
}
