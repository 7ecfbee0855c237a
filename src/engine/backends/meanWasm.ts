import { Mean } from '@tensorflow/tfjs';
import { reducePerChannel } from './sumWasm';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/** Per-channel means (batch-norm moments) in one pass, without tfjs-backend-wasm's transpose. */
export const meanWasm: WasmKernelReplacement = {
  kernelName: Mean,
  kernelFunc: (args) => reducePerChannel(args, true),
};
