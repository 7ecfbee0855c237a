import * as tf from '@tensorflow/tfjs';
import * as Comlink from 'comlink';
import { chooseBackend, type BackendName } from '../src/engine/backends/chooseBackend';
import { trainingBatches } from '../src/engine/data/batches';
import { fetchAssetReader } from '../src/engine/data/assetReader';
import { loadDataset } from '../src/engine/data/loadDataset';
import { createCnn } from '../src/engine/model/cnn';
import { createOptimizer } from '../src/engine/optimizers/optimizer';
import { trainStep } from '../src/engine/optimizers/trainStep';

/**
 * The baseline the engine's loop is measured against: the same model, optimizer, data and
 * backend, stepped back to back with no progress recording, no per-step read-back, no yielding.
 */
const bareLoop = {
  async run(
    backend: BackendName,
    dataBaseUrl: string,
    wasmBaseUrl: string,
    steps: number,
    batchSize: number,
  ) {
    await chooseBackend({ force: backend, wasmBaseUrl });
    const dataset = await loadDataset('mnist', fetchAssetReader(dataBaseUrl));
    const model = createCnn({}, 1);
    const optimizer = createOptimizer('sgdMomentum', model.params);
    const batches = trainingBatches(dataset.train, { batchSize, seed: 1, epoch: 0 });
    const warmup = 3;
    let started = 0;
    let last: tf.Scalar | null = null;
    for (let i = 0; i < warmup + steps; i++) {
      if (i === warmup) {
        if (last) await last.data();
        started = performance.now();
      }
      const { value } = batches.next();
      if (!value) throw new Error('ran out of batches');
      const { loss, accuracy } = trainStep(model, optimizer, value.xs, value.ys, { lr: 0.01 });
      tf.dispose([value.xs, value.ys, accuracy]);
      last?.dispose();
      last = loss;
    }
    if (last) await last.data();
    const ms = performance.now() - started;
    last?.dispose();
    model.dispose();
    optimizer.dispose();
    return { samplesPerSec: (steps * batchSize * 1000) / ms, backend: tf.getBackend() };
  },
};

export type BareLoop = typeof bareLoop;
Comlink.expose(bareLoop);
