import * as tf from '@tensorflow/tfjs';
import {
  getKernel,
  type GradConfig,
  type KernelConfig,
  type KernelFunc,
  type NamedAttrMap,
} from '@tensorflow/tfjs';
import {
  biasReluPool,
  bnReluPool,
  bnReluPoolGradKernel,
  reluPoolGradKernel,
} from './convBlockTailKernels';

/**
 * Kernels of ours (tfjs has none like them) for a conv block's tail on wasm: batch norm or
 * bias, ReLU and 2×2 max-pool in two passes forward and two backward, where the tfjs ops take
 * ~40 kernels per block. The backward finds each window's maximum again (cheaper with SIMD
 * than storing and reading back an argmax) from the same scale and shift, so it routes dy to
 * the inputs the forward pass picked.
 */
export const BN_RELU_POOL = 'LrpBnReluPool';
const BN_RELU_POOL_GRAD = 'LrpBnReluPoolGrad';
export const BIAS_RELU_POOL = 'LrpBiasReluPool';
const RELU_POOL_GRAD = 'LrpReluPoolGrad';

const run = (name: string, inputs: tf.NamedTensorMap, attrs: NamedAttrMap = {}): tf.Tensor[] =>
  tf.engine().runKernel(name, inputs, attrs) as tf.Tensor[];

// For several outputs tfjs passes one dy per output, zeros where none reached the loss.
const firstDy = (dy: tf.Tensor | tf.Tensor[]): tf.Tensor => (Array.isArray(dy) ? dy[0] : dy);

const bnGradient: GradConfig = {
  kernelName: BN_RELU_POOL,
  inputsToSave: ['z', 'bias', 'gamma', 'beta'],
  outputsToSave: [false, true, true],
  gradFunc: (dy, saved, attrs) => {
    const [z, bias, gamma, beta, mean, variance] = saved;
    const [dz, dGamma, dBeta] = run(
      BN_RELU_POOL_GRAD,
      { dy: firstDy(dy), z, gamma, beta, mean, variance },
      attrs,
    );
    // The conv bias ahead of batch norm has a true gradient of 0.
    return { z: () => dz, bias: () => tf.zerosLike(bias), gamma: () => dGamma, beta: () => dBeta };
  },
};

const biasGradient: GradConfig = {
  kernelName: BIAS_RELU_POOL,
  inputsToSave: ['z', 'bias'],
  gradFunc: (dy, saved) => {
    const [z, bias] = saved;
    const [dz, dBias] = run(RELU_POOL_GRAD, { dy: firstDy(dy), z, bias });
    return { z: () => dz, bias: () => dBias };
  },
};

const wasmKernel = (kernelName: string, kernelFunc: KernelFunc): KernelConfig => ({
  kernelName,
  backendName: 'wasm',
  kernelFunc,
});

/** A kernel of ours with no tfjs counterpart: the forward kernel, its gradient's, the gradient. */
interface FusedWasmKernel {
  kernelName: string;
  forward: KernelConfig;
  backward: KernelConfig;
  gradient: GradConfig;
}

export const FUSED_WASM_KERNELS: readonly FusedWasmKernel[] = [
  {
    kernelName: BN_RELU_POOL,
    forward: wasmKernel(BN_RELU_POOL, bnReluPool as unknown as KernelFunc),
    backward: wasmKernel(BN_RELU_POOL_GRAD, bnReluPoolGradKernel as unknown as KernelFunc),
    gradient: bnGradient,
  },
  {
    kernelName: BIAS_RELU_POOL,
    forward: wasmKernel(BIAS_RELU_POOL, biasReluPool as unknown as KernelFunc),
    backward: wasmKernel(RELU_POOL_GRAD, reluPoolGradKernel as unknown as KernelFunc),
    gradient: biasGradient,
  },
];

/** Whether the fused kernel runs here: the wasm backend is active and the kernel registered. */
function fusedHere(kernelName: string): boolean {
  return tf.getBackend() === 'wasm' && getKernel(kernelName, 'wasm') !== undefined;
}

/**
 * maxPool2×2(relu(batchNorm(z + bias))) in training mode with the batch's moments (mean of
 * z without the bias, biased variance); null where the fused kernel does not run (the caller composes
 * tfjs ops). z is the conv output without its bias.
 */
export function fusedBnReluPool(
  z: tf.Tensor4D,
  bias: tf.Tensor1D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
): { pooled: tf.Tensor4D; mean: tf.Tensor1D; variance: tf.Tensor1D } | null {
  if (!fusedHere(BN_RELU_POOL)) return null;
  const [pooled, mean, variance] = run(BN_RELU_POOL, { z, bias, gamma, beta }, { epsilon });
  return {
    pooled: pooled as tf.Tensor4D,
    mean: mean as tf.Tensor1D,
    variance: variance as tf.Tensor1D,
  };
}

/** maxPool2×2(relu(z + bias)); null where the fused kernel does not run. */
export function fusedBiasReluPool(z: tf.Tensor4D, bias: tf.Tensor1D): tf.Tensor4D | null {
  if (!fusedHere(BIAS_RELU_POOL)) return null;
  return tf.engine().runKernel(BIAS_RELU_POOL, { z, bias }) as tf.Tensor4D;
}
