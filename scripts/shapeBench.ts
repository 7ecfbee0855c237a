// npm run shape-bench: samples/s of the engine's training loop in Node on WASM for each input
// shape the page takes (28×28 grey, 32×32 colour), default CNN, batch 64, and a range test's
// suggestions on the synthetic CIFAR-format set of the import fixtures (10 classes).
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { parseScheduleSpec, suggestFromAccuracy, suggestLr, SUGGEST_METHODS } from '../src/core';
import { prepareWasm } from '../src/engine/backends/wasmSetup';
import { readCifarBatch } from '../src/engine/data/import/cifarBinary';
import { fitImages } from '../src/engine/data/import/fitImages';
import { importedDataset } from '../src/engine/data/importedDataset';
import type { ImageSet } from '../src/engine/data/imageSet';
import type { EngineEvent } from '../src/engine/training/engineEvents';
import { EngineSession } from '../src/engine/training/engineSession';
import { trainingFlopsPerSample } from '../src/engine/model/cnnFlops';
import { cifarBatchBytes } from '../src/testing/importFixtures';

const steps = Number(process.argv[2] ?? 40);
const BATCH = 64;

function fixture(count: number, first: number, side: 28 | 32, channels: 1 | 3): ImageSet {
  const read = fitImages(
    readCifarBatch(cifarBatchBytes(count, first), 'fixture.bin'),
    side,
    channels,
  );
  return { ...read, numClasses: 10 };
}

function session(side: 28 | 32, channels: 1 | 3, events: EngineEvent[], numTrain = 2000) {
  const dataset = importedDataset({
    name: 'imported:fixture',
    train: fixture(numTrain, 0, side, channels),
    heldOut: fixture(200, 100_000, side, channels),
  });
  return new EngineSession(
    dataset,
    {
      dataset: 'imported:fixture',
      model: { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 },
      optimizer: 'sgdMomentum',
      batchSize: BATCH,
      seed: 1,
      augment: false,
    },
    (event) => events.push(event),
  );
}

prepareWasm();
await tf.setBackend('wasm');
for (const [side, channels] of [
  [28, 1],
  [32, 3],
] as const) {
  const engine = session(side, channels, []);
  const train = (iterations: number) =>
    engine.train({
      schedule: parseScheduleSpec({ policy: 'fixed', lr: 0.01 }),
      length: { unit: 'iterations', value: iterations },
      validateEvery: 1_000_000,
      maxSnapshots: 0,
      testAtEnd: false,
    });
  await train(5); // warm-up
  const run = await train(steps);
  const samplesPerSec = (run.iterations * BATCH * 1000) / run.wallMs;
  const gflops =
    (samplesPerSec * trainingFlopsPerSample({ widthMultiplier: 1 }, engine.inputShape)) / 1e9;
  console.log(
    `${side}×${side}×${channels}: ${samplesPerSec.toFixed(0)} samples/s (${gflops.toFixed(1)} GFLOP/s), ${run.iterations} steps of ${BATCH}`,
  );
  engine.dispose();
}

// The range test on the e2e's synthetic CIFAR set: 300 training images, 32×32 colour.
const events: EngineEvent[] = [];
const engine = session(32, 3, events, 300);
const numIt = 100;
const range = await engine.rangeTest({
  startLr: 1e-5,
  endLr: 10,
  numIter: numIt,
  mode: 'exp',
  divergeFactor: 4,
  heldOutBatch: false,
  repeats: 1,
  reinitWeights: false,
});
const lrs: number[] = [];
const losses: number[] = [];
const accuracies: number[] = [];
for (const event of events) {
  if (event.type !== 'rangeTestProgress') continue;
  lrs.push(...event.lr);
  losses.push(...event.loss);
  accuracies.push(...event.accuracy);
}
console.log(`range test on the synthetic 32×32×3 set: ${range.numSteps} steps (${range.reason})`);
for (const method of SUGGEST_METHODS) {
  try {
    console.log(`  ${method}: ${suggestLr(lrs, losses, method, { numIt }).lr.toPrecision(3)}`);
  } catch (error) {
    console.log(`  ${method}: none (${(error as Error).message})`);
  }
}
const bounds = suggestFromAccuracy(lrs, accuracies, { ratio: 4 });
console.log(
  `  accuracy knee: max_lr ${bounds.maxLr.toPrecision(3)}, base_lr ${bounds.baseLr.toPrecision(3)}`,
);
