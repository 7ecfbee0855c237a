import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/seededRandom';
import { syntheticDataset } from '../data/synthetic';
import { createCnn, type CnnOptions } from './cnn';
import { exportLayersModel, type ModelFiles } from './exportLayersModel';

const WEIGHTS_FILE = 'model.weights.bin';

/**
 * A model whose every tensor, batch-norm statistics included, is off its initial value, so a
 * swapped or skipped tensor shows in the predictions.
 */
function perturbedModel(options: CnnOptions, seed: number) {
  const model = createCnn(options, seed);
  const random = mulberry32(seed);
  const initial = model.getWeights();
  const changed = tf.tidy(() =>
    Object.fromEntries(
      Object.entries(initial).map(([name, value]) => {
        const noise = tf.tensor(
          Float32Array.from({ length: value.size }, () => random() - 0.5),
          value.shape,
        );
        // Variances must stay positive; everything else moves by up to ±0.5 (kernels ±0.05).
        if (name.endsWith('runningVar')) return [name, tf.add(tf.abs(noise), 0.5)];
        const scale = name.endsWith('kernel') ? 0.1 : 1;
        return [name, tf.add(value, tf.mul(noise, scale))];
      }),
    ),
  );
  model.setWeights(changed);
  tf.dispose([...Object.values(initial), ...Object.values(changed)]);
  return model;
}

/** What any TF.js app does with the two files: resolve the manifest's path, then load. */
async function loadFromFiles(files: ModelFiles, fileName: string): Promise<tf.LayersModel> {
  const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(json, async (manifest) => {
    const paths = manifest.flatMap((group) => group.paths);
    expect(paths).toEqual([`./${fileName}`]);
    return [manifest.flatMap((group) => group.weights), files.weights];
  });
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}

function images(count: number): tf.Tensor4D {
  const set = syntheticDataset({
    seed: 9,
    numTrain: 1,
    numValidation: count,
    numTest: 1,
  }).validation;
  return tf.tensor4d(
    Float32Array.from(set.images, (v) => v / 255),
    [count, 28, 28, 1],
  );
}

describe('exportLayersModel', () => {
  it.each<CnnOptions>([
    { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 },
    { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0 },
    { widthMultiplier: 1.5, batchNorm: false, dropoutRate: 0.5 },
  ])('loads back with tf.loadLayersModel and predicts as our model: %o', async (options) => {
    const model = perturbedModel(options, 21);
    const weights = model.getWeights();
    const before = tf.memory().numTensors;
    const files = await exportLayersModel(options, weights, WEIGHTS_FILE);
    // Exporting builds and frees a whole layers model: nothing may stay behind.
    expect(tf.memory().numTensors).toBe(before);

    const json = JSON.parse(files.modelJson) as tf.io.ModelJSON;
    const specs = json.weightsManifest.flatMap((group) => group.weights);
    const bytes = specs.reduce((sum, spec) => sum + 4 * spec.shape.reduce((a, b) => a * b, 1), 0);
    expect(files.weights.byteLength).toBe(bytes);

    const loaded = await loadFromFiles(files, WEIGHTS_FILE);
    const xs = images(64);
    const ours = model.predict(xs);
    const theirs = loaded.predict(xs) as tf.Tensor2D;
    const maxDiff = tf.tidy(() => tf.max(tf.abs(tf.sub(ours, theirs))).dataSync()[0]);
    expect(maxDiff).toBeLessThan(1e-5);
    // Not trivially equal: the predictions differ between images and classes.
    expect(tf.tidy(() => tf.moments(ours).variance.dataSync()[0])).toBeGreaterThan(1e-4);

    tf.dispose([xs, ours, theirs, ...Object.values(weights)]);
    loaded.dispose();
    model.dispose();
  });

  it('gives the same files when exported twice in one process', async () => {
    const options: CnnOptions = { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 };
    const model = perturbedModel(options, 4);
    const weights = model.getWeights();
    const first = await exportLayersModel(options, weights, WEIGHTS_FILE);
    const second = await exportLayersModel(options, weights, WEIGHTS_FILE);
    expect(second.modelJson).toBe(first.modelJson);
    expect(new Uint8Array(second.weights)).toEqual(new Uint8Array(first.weights));
    tf.dispose(Object.values(weights));
    model.dispose();
  });

  it('names a missing weight and refuses a weights file name with a path in it', async () => {
    const withoutBn: CnnOptions = { widthMultiplier: 0.5, batchNorm: false, dropoutRate: 0 };
    const model = createCnn(withoutBn, 1);
    const weights = model.getWeights();
    const before = tf.memory().numTensors;
    await expect(
      exportLayersModel({ ...withoutBn, batchNorm: true }, weights, WEIGHTS_FILE),
    ).rejects.toThrow(/no 'bn1\/gamma' for layer bn1/);
    await expect(exportLayersModel(withoutBn, weights, '../x.bin')).rejects.toThrow(
      /plain file name.*'\.\.\/x\.bin'/,
    );
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(weights));
    model.dispose();
  });
});
