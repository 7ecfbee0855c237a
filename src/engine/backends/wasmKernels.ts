import { getKernel, registerKernel, type KernelConfig } from '@tensorflow/tfjs';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm';

/** Gradient kernels the wasm backend needs for training but does not ship. */
const WASM_TRAINING_KERNELS: readonly KernelConfig[] = [conv2dBackpropFilterWasmConfig];

/** Registers our wasm training kernels once; a later tfjs that ships its own keeps its own. */
export function registerWasmTrainingKernels(): void {
  for (const config of WASM_TRAINING_KERNELS) {
    if (!getKernel(config.kernelName, config.backendName)) registerKernel(config);
  }
}
