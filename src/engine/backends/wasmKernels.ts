import * as tf from '@tensorflow/tfjs';
import {
  getGradient,
  getKernel,
  registerGradient,
  registerKernel,
  unregisterKernel,
  type KernelConfig,
} from '@tensorflow/tfjs';
import { batchMatMulWasm } from './batchMatMulWasm';
import { FUSED_WASM_KERNELS } from './convBlockTailWasm';
import { conv2dBackpropFilterWasmConfig } from './conv2dBackpropFilterWasm';
import { conv2dBackpropFilterXnnWasm } from './conv2dBackpropFilterXnnWasm';
import { conv2dBackpropInputWasm } from './conv2dBackpropInputWasm';
import { conv2dIn1Wasm } from './conv2dIn1Wasm';
import { identityWasm } from './identityWasm';
import { maxPoolGradWasm } from './maxPoolGradWasm';
import { meanWasm } from './meanWasm';
import { sumWasm } from './sumWasm';
import type { WasmKernelReplacement } from './wasmKernelTypes';

/** Our replacements, each of which the bench can turn off to measure its gain. */
const REPLACEMENTS = [
  conv2dBackpropFilterXnnWasm,
  conv2dBackpropInputWasm,
  conv2dIn1Wasm,
  maxPoolGradWasm,
  batchMatMulWasm,
  sumWasm,
  meanWasm,
  identityWasm,
] as const;

/**
 * Names of the kernels `registerWasmTrainingKernels` can leave to tfjs: replacements, and
 * fused kernels of ours that, when off, leave the model to compose tfjs ops.
 */
export const REPLACEABLE_WASM_KERNELS: readonly string[] = [
  ...REPLACEMENTS.map((r) => r.kernelName),
  ...FUSED_WASM_KERNELS.map((f) => f.kernelName),
];

/** Per kernel name: tfjs's own kernel and ours, which falls back to it. */
const registered = new Map<string, { original: KernelConfig; ours: KernelConfig }>();

export interface WasmKernelOptions {
  /** Replacements to leave to tfjs (all of ours run when absent). */
  disable?: readonly string[];
}

/**
 * Registers our wasm training kernels: Conv2DBackpropFilter, which tfjs-backend-wasm 4.22
 * lacks and training needs (a later tfjs that ships its own keeps its own), and faster
 * replacements for some of tfjs's gradient kernels. Calling again with another `disable`
 * switches between ours and tfjs's, also after the backend has started.
 */
export function registerWasmTrainingKernels(options: WasmKernelOptions = {}): void {
  const filter = conv2dBackpropFilterWasmConfig;
  if (!getKernel(filter.kernelName, filter.backendName)) use(filter);
  const disabled = new Set(options.disable ?? []);
  for (const name of disabled) {
    if (!REPLACEABLE_WASM_KERNELS.includes(name)) {
      throw new Error(
        `Unknown wasm kernel to disable: '${name}' (ours: ${REPLACEABLE_WASM_KERNELS.join(', ')})`,
      );
    }
  }
  for (const replacement of REPLACEMENTS) {
    const pair = pairFor(replacement);
    if (!pair) continue;
    const wanted = disabled.has(replacement.kernelName) ? pair.original : pair.ours;
    if (getKernel(replacement.kernelName, 'wasm') === wanted) continue;
    unregisterKernel(replacement.kernelName, 'wasm');
    use(wanted);
  }
  for (const fused of FUSED_WASM_KERNELS) {
    if (!getKernel(fused.backward.kernelName, 'wasm')) use(fused.backward);
    if (!getGradient(fused.kernelName)) registerGradient(fused.gradient);
    const registeredNow = getKernel(fused.kernelName, 'wasm') !== undefined;
    if (disabled.has(fused.kernelName)) {
      if (registeredNow) unregisterKernel(fused.kernelName, 'wasm');
    } else if (!registeredNow) {
      use(fused.forward);
    }
  }
}

/** tfjs's kernel and ours wrapped around it; undefined when tfjs registered none. */
function pairFor(
  replacement: WasmKernelReplacement,
): { original: KernelConfig; ours: KernelConfig } | undefined {
  const known = registered.get(replacement.kernelName);
  if (known) return known;
  const original = getKernel(replacement.kernelName, 'wasm');
  if (!original) return undefined;
  const ours: KernelConfig = {
    ...original,
    // tfjs's setup still runs: the fallback needs it.
    kernelFunc: (args) => replacement.kernelFunc(args) ?? original.kernelFunc(args),
  };
  const pair = { original, ours };
  registered.set(replacement.kernelName, pair);
  return pair;
}

/** Registers a kernel, running its setup when the wasm backend has started already. */
function use(config: KernelConfig): void {
  registerKernel(config);
  const started = tf.engine().registry[config.backendName];
  if (started && config.setupFunc) config.setupFunc(started);
}
