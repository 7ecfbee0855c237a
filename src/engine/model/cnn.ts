import * as tf from '@tensorflow/tfjs';
import { fusedBiasReluPool } from '../backends/convBlockTailWasm';
import {
  batchNormInference,
  batchNormReluPoolTraining,
  batchNormTraining,
  updateRunningStats,
  type BatchMoments,
} from './batchNorm';
import { uniformFanIn } from './initializers';

/** User-facing model options (DESIGN.md "Model options"). */
export interface CnnOptions {
  /** Scales the 16/32/64 channel and unit counts. */
  widthMultiplier: number;
  batchNorm: boolean;
  dropoutRate: number;
}

export const DEFAULT_CNN_OPTIONS: CnnOptions = {
  widthMultiplier: 1,
  batchNorm: true,
  dropoutRate: 0.25,
};

/** What the model takes and tells apart: square images of `side` pixels, 1 or 3 channels. */
export interface InputShape {
  /** Pixels per side; a multiple of 4 (two 2×2 poolings), 28 or 32 on the page. */
  side: number;
  channels: 1 | 3;
  /** From 2 to 100. */
  numClasses: number;
}

/** MNIST's and Fashion-MNIST's shape, the default: 28×28 grey, 10 classes. */
export const MNIST_SHAPE: InputShape = { side: 28, channels: 1, numClasses: 10 };

/** Refuses a shape the layers cannot take, naming what is wrong. */
function checkInputShape(shape: InputShape): void {
  const { side, channels, numClasses } = shape;
  if (!(Number.isInteger(side) && side >= 4 && side % 4 === 0)) {
    throw new Error(`image side must be a positive multiple of 4, got ${side}`);
  }
  if (channels !== 1 && channels !== 3) {
    throw new Error(`images must have 1 or 3 channels, got ${String(channels)}`);
  }
  if (!(Number.isInteger(numClasses) && numClasses >= 2 && numClasses <= 100)) {
    throw new Error(`the model tells apart 2 to 100 classes, got ${numClasses}`);
  }
}

/** Copies of every parameter and running statistic, keyed by layer-relative name. */
export type WeightSnapshot = tf.NamedTensorMap;

export interface ForwardMode {
  training: boolean;
  /** Seeds the dropout mask so a run can be replayed exactly; random when absent. */
  dropoutSeed?: number;
}

/** A trainable parameter with its model-independent name (e.g. `conv1/kernel`). */
export interface NamedVariable {
  name: string;
  variable: tf.Variable;
}

export interface Cnn {
  readonly options: CnnOptions;
  /** Trainable parameters, in a fixed order shared by optimizers and snapshots. */
  readonly params: readonly NamedVariable[];
  readonly shape: InputShape;
  /** Logits [B, classes] for inputs [B, side, side, channels] in [0, 1]. */
  forward(x: tf.Tensor4D, mode: ForwardMode): tf.Tensor2D;
  /** Inference-mode class probabilities [B, classes]. */
  predict(x: tf.Tensor4D): tf.Tensor2D;
  /** Training-mode forward that also returns each batch-norm layer's batch moments. */
  forwardTraining(
    x: tf.Tensor4D,
    dropoutSeed?: number,
  ): { logits: tf.Tensor2D; moments: BatchMoments[] };
  /** Folds the moments of one training forward pass into the running statistics. */
  updateRunningStats(moments: readonly BatchMoments[]): void;
  /** Bitwise copies of all parameters and running statistics (caller disposes). */
  getWeights(): WeightSnapshot;
  /** Assigns a snapshot taken from a model with the same options; the snapshot stays owned by the caller. */
  setWeights(snapshot: WeightSnapshot): void;
  dispose(): void;
}

interface ConvBlock {
  kernel: tf.Variable;
  bias: tf.Variable;
  bn?: { gamma: tf.Variable; beta: tf.Variable; runningMean: tf.Variable; runningVar: tf.Variable };
}

interface Dense {
  kernel: tf.Variable;
  bias: tf.Variable;
}

let instanceCount = 0;

/** Channel/unit counts after the width multiplier. */
export function cnnWidths(widthMultiplier: number): [number, number, number] {
  const scale = (n: number): number => Math.max(1, Math.round(n * widthMultiplier));
  return [scale(16), scale(32), scale(64)];
}

/**
 * Builds the default CNN with PyTorch-like initial weights drawn from `seed`, for images of
 * `shape` (the same layers for every shape: only the first kernel's depth, the flattened size
 * and the output count follow it).
 */
export function createCnn(
  options: Partial<CnnOptions>,
  seed: number,
  shape: InputShape = MNIST_SHAPE,
): Cnn {
  const opts: CnnOptions = { ...DEFAULT_CNN_OPTIONS, ...options };
  checkInputShape(shape);
  if (!(opts.dropoutRate >= 0 && opts.dropoutRate < 1)) {
    throw new Error(`dropoutRate must be in [0, 1), got ${opts.dropoutRate}`);
  }
  if (!(opts.widthMultiplier > 0)) {
    throw new Error(`widthMultiplier must be positive, got ${opts.widthMultiplier}`);
  }
  const [c1, c2, units] = cnnWidths(opts.widthMultiplier);
  // tfjs variable names are global; the prefix lets several models coexist (races, ensembles).
  const prefix = `cnn${instanceCount++}`;
  const params: NamedVariable[] = [];
  const buffers: NamedVariable[] = [];

  const add = (list: NamedVariable[], name: string, init: () => tf.Tensor): tf.Variable => {
    const trainable = list === params;
    const variable = tf.tidy(() => tf.variable(init(), trainable, `${prefix}/${name}`));
    list.push({ name, variable });
    return variable;
  };
  // Seeded by name, so each tensor's draw is independent of the layers around it.
  const fanInUniform = (name: string, shape: number[], fanIn: number): tf.Variable =>
    add(params, name, () => uniformFanIn(shape, fanIn, `${seed}/${name}`));

  const convBlock = (layer: number, inC: number, outC: number): ConvBlock => {
    const fanIn = inC * 3 * 3;
    const block: ConvBlock = {
      kernel: fanInUniform(`conv${layer}/kernel`, [3, 3, inC, outC], fanIn),
      bias: fanInUniform(`conv${layer}/bias`, [outC], fanIn),
    };
    if (opts.batchNorm) {
      block.bn = {
        gamma: add(params, `bn${layer}/gamma`, () => tf.ones([outC])),
        beta: add(params, `bn${layer}/beta`, () => tf.zeros([outC])),
        runningMean: add(buffers, `bn${layer}/runningMean`, () => tf.zeros([outC])),
        runningVar: add(buffers, `bn${layer}/runningVar`, () => tf.ones([outC])),
      };
    }
    return block;
  };
  const dense = (layer: number, inUnits: number, outUnits: number): Dense => ({
    kernel: fanInUniform(`dense${layer}/kernel`, [inUnits, outUnits], inUnits),
    bias: fanInUniform(`dense${layer}/bias`, [outUnits], inUnits),
  });

  const conv1 = convBlock(1, shape.channels, c1);
  const conv2 = convBlock(2, c1, c2);
  const flat = (shape.side / 4) * (shape.side / 4) * c2;
  const dense1 = dense(1, flat, units);
  const dense2 = dense(2, units, shape.numClasses);
  const all = [...params, ...buffers];

  const runBlock = (
    x: tf.Tensor4D,
    block: ConvBlock,
    moments: BatchMoments[] | null,
  ): tf.Tensor4D => {
    const z = tf.conv2d(x, block.kernel as tf.Tensor4D, 1, 'same');
    const bias = block.bias as tf.Tensor1D;
    // One fused kernel for bias or batch norm, ReLU and pool where the backend has one.
    if (block.bn && moments) {
      const { gamma, beta } = block.bn;
      const fused = batchNormReluPoolTraining(z, bias, gamma as tf.Tensor1D, beta as tf.Tensor1D);
      if (fused) {
        moments.push(fused.moments);
        return fused.y;
      }
    } else if (!block.bn) {
      const fused = fusedBiasReluPool(z, bias);
      if (fused) return fused;
    }
    let y = tf.add(z, bias) as tf.Tensor4D;
    if (block.bn) {
      const { gamma, beta, runningMean, runningVar } = block.bn;
      if (moments) {
        const out = batchNormTraining(y, gamma as tf.Tensor1D, beta as tf.Tensor1D);
        moments.push(out.moments);
        y = out.y;
      } else {
        y = batchNormInference(
          y,
          gamma as tf.Tensor1D,
          beta as tf.Tensor1D,
          runningMean as tf.Tensor1D,
          runningVar as tf.Tensor1D,
        );
      }
    }
    return tf.maxPool(tf.relu(y), 2, 2, 'valid');
  };

  // `moments` non-null means training mode: batch statistics and dropout.
  const run = (
    x: tf.Tensor4D,
    moments: BatchMoments[] | null,
    dropoutSeed?: number,
  ): tf.Tensor2D => {
    const h2 = runBlock(runBlock(x, conv1, moments), conv2, moments);
    const flatH = tf.reshape(h2, [x.shape[0], flat]);
    let hidden = tf.relu(tf.add(tf.matMul(flatH, dense1.kernel as tf.Tensor2D), dense1.bias));
    if (moments && opts.dropoutRate > 0) {
      hidden = tf.dropout(hidden, opts.dropoutRate, undefined, dropoutSeed);
    }
    return tf.add(tf.matMul(hidden, dense2.kernel as tf.Tensor2D), dense2.bias) as tf.Tensor2D;
  };

  const blocks = [conv1, conv2];

  return {
    options: opts,
    shape,
    params,
    forward: (x, mode) => (mode.training ? run(x, [], mode.dropoutSeed) : run(x, null)),
    predict: (x) => tf.tidy(() => tf.softmax(run(x, null))),
    forwardTraining: (x, dropoutSeed) => {
      const moments: BatchMoments[] = [];
      const logits = run(x, moments, dropoutSeed);
      return { logits, moments };
    },
    updateRunningStats: (moments) => {
      blocks.forEach((block, i) => {
        if (block.bn && moments[i]) {
          updateRunningStats(block.bn.runningMean, block.bn.runningVar, moments[i]);
        }
      });
    },
    getWeights: () =>
      Object.fromEntries(all.map(({ name, variable }) => [name, tf.clone(variable)])),
    setWeights: (snapshot) => {
      for (const { name, variable } of all) {
        const value = snapshot[name];
        if (!value) throw new Error(`Weight snapshot has no '${name}'`);
        variable.assign(value);
      }
    },
    dispose: () => all.forEach(({ variable }) => variable.dispose()),
  };
}
