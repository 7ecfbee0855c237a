import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs';

/** A faster kernel for a wasm kernel tfjs ships; `null` leaves a configuration to tfjs's. */
export interface WasmKernelReplacement {
  kernelName: string;
  kernelFunc: (args: Parameters<KernelFunc>[0]) => TensorInfo | null;
}
