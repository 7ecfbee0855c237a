import * as tf from '@tensorflow/tfjs';

/**
 * PyTorch's default Conv2d/Linear init: kaiming_uniform(a=√5) for weights and
 * U(±1/√fanIn) for biases both reduce to U(±1/√fanIn). Seeded per tensor so
 * "reset" reproduces the same weights on every backend (tfjs draws these in JS).
 */
export function uniformFanIn(shape: number[], fanIn: number, seed: string): tf.Tensor {
  const bound = 1 / Math.sqrt(fanIn);
  return tf.randomUniform(shape, -bound, bound, 'float32', seed);
}
