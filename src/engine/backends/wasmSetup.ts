import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { registerWasmTrainingKernels } from './wasmKernels';

/** WASM capabilities as reported in the backend report. */
export interface WasmFeatures {
  simd: boolean;
  /** Threads XNNPACK uses; 0 while the wasm backend has not started. */
  threads: number;
}

/** Whether the wasm backend has started; unlike tf.findBackend this starts nothing. */
function wasmStarted(): boolean {
  return 'wasm' in tf.engine().registry;
}

/**
 * Readies the wasm backend before it starts: our training kernels, binaries from
 * `wasmBaseUrl` (our own assets; omit in Node, where tfjs finds them in node_modules),
 * and threads only when the page is cross-origin isolated.
 */
export function prepareWasm(wasmBaseUrl?: string): void {
  registerWasmTrainingKernels();
  // Paths and threading are fixed once the backend has started.
  if (wasmStarted()) return;
  // Single-threaded for now: tfjs 4.22's threaded build spawns its pthread workers from a
  // blob that fails inside a bundled module worker ("e is not defined"), and the backend then
  // never finishes starting. Making threads work is issue 6.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  if (wasmBaseUrl !== undefined) {
    setWasmPaths(wasmBaseUrl.endsWith('/') ? wasmBaseUrl : `${wasmBaseUrl}/`);
  }
}

/** SIMD support and the thread count of the started wasm backend. */
export async function wasmFeatures(): Promise<WasmFeatures> {
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true;
  return { simd, threads: wasmStarted() ? getThreadsCount() : 0 };
}
