import * as tf from '@tensorflow/tfjs';
import { BN_EPSILON } from './batchNorm';
import {
  cnnWidths,
  MNIST_SHAPE,
  type CnnOptions,
  type InputShape,
  type WeightSnapshot,
} from './cnn';

/** A model in TF.js's layers format: `model.json` and the weights file it names. */
export interface ModelFiles {
  modelJson: string;
  weights: ArrayBuffer;
}

/** Each Keras layer's weights in the order `setWeights` takes them, by our snapshot names. */
function layerWeights(options: CnnOptions): [string, string[]][] {
  const conv = (n: number): [string, string[]][] => [
    [`conv${n}`, [`conv${n}/kernel`, `conv${n}/bias`]],
    ...(options.batchNorm
      ? [
          [
            `bn${n}`,
            [`bn${n}/gamma`, `bn${n}/beta`, `bn${n}/runningMean`, `bn${n}/runningVar`],
          ] as [string, string[]],
        ]
      : []),
  ];
  return [
    ...conv(1),
    ...conv(2),
    ['dense1', ['dense1/kernel', 'dense1/bias']],
    ['dense2', ['dense2/kernel', 'dense2/bias']],
  ];
}

/**
 * Our CNN as a Keras-style layers model: the same NHWC layout and layer order, so our
 * tensors fit its weights unchanged (Flatten of NHWC matches our reshape).
 */
function buildLayersModel(options: CnnOptions, shape: InputShape): tf.Sequential {
  const [c1, c2, units] = cnnWidths(options.widthMultiplier);
  const model = tf.sequential({ name: 'lr_playground_cnn' });
  const block = (n: number, filters: number) => {
    model.add(
      tf.layers.conv2d({
        name: `conv${n}`,
        filters,
        kernelSize: 3,
        padding: 'same',
        ...(n === 1 ? { inputShape: [shape.side, shape.side, shape.channels] } : {}),
      }),
    );
    if (options.batchNorm) {
      // Keras's momentum is the running average's decay: 1 − PyTorch's 0.1.
      model.add(
        tf.layers.batchNormalization({
          name: `bn${n}`,
          axis: -1,
          momentum: 0.9,
          epsilon: BN_EPSILON,
        }),
      );
    }
    model.add(tf.layers.reLU({ name: `relu${n}` }));
    model.add(tf.layers.maxPooling2d({ name: `pool${n}`, poolSize: 2, strides: 2 }));
  };
  block(1, c1);
  block(2, c2);
  model.add(tf.layers.flatten({ name: 'flatten' }));
  model.add(tf.layers.dense({ name: 'dense1', units, activation: 'relu' }));
  if (options.dropoutRate > 0) {
    model.add(tf.layers.dropout({ name: 'dropout', rate: options.dropoutRate }));
  }
  model.add(tf.layers.dense({ name: 'dense2', units: shape.numClasses, activation: 'softmax' }));
  return model;
}

/**
 * The weights of a model with `options` as TF.js layers-model files: `tf.loadLayersModel`
 * loads them in any TF.js app and predicts as our model does in inference mode.
 * `weightsFileName` is the name the weights file will be saved under, as model.json refers
 * to it. The snapshot stays owned by the caller.
 */
export async function exportLayersModel(
  options: CnnOptions,
  weights: WeightSnapshot,
  weightsFileName: string,
  shape: InputShape = MNIST_SHAPE,
): Promise<ModelFiles> {
  if (!/^[\w.-]+$/.test(weightsFileName)) {
    throw new Error(
      `The weights file name must be a plain file name (letters, digits, . _ -), got '${weightsFileName}'`,
    );
  }
  const model = buildLayersModel(options, shape);
  try {
    for (const [layerName, names] of layerWeights(options)) {
      const values = names.map((name) => {
        const value = weights[name];
        if (!value) throw new Error(`The weights have no '${name}' for layer ${layerName}`);
        return value;
      });
      model.getLayer(layerName).setWeights(values);
    }
    const saved: { files?: ModelFiles } = {};
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const { modelTopology, weightSpecs, weightData, format, generatedBy, convertedBy } =
          artifacts;
        if (!modelTopology || !weightSpecs || !weightData) {
          throw new Error('TF.js produced no topology or weights to save');
        }
        const modelJson: tf.io.ModelJSON = {
          modelTopology,
          format,
          generatedBy,
          convertedBy,
          weightsManifest: [{ paths: [`./${weightsFileName}`], weights: weightSpecs }],
        };
        saved.files = {
          modelJson: JSON.stringify(modelJson),
          weights: tf.io.CompositeArrayBuffer.join(weightData),
        };
        return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
      }),
    );
    if (!saved.files) throw new Error('TF.js did not hand over the saved model');
    return saved.files;
  } finally {
    model.dispose();
  }
}
