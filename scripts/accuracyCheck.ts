// npm run accuracy: the engine's accuracy against the PyTorch reference recipe (issue 3).
// Default CNN, MNIST, batch 64, SGD momentum 0.9, 3 epochs of triangular CLR with bounds from our
// own range test and a step size of half an epoch. PyTorch reaches 98.96–99.00% test accuracy.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { parseScheduleSpec, suggestFromAccuracy, suggestLr, SUGGEST_METHODS } from '../src/core';
import { prepareWasm } from '../src/engine/backends/wasmSetup';
import { loadDataset } from '../src/engine/data/loadDataset';
import type { EngineEvent } from '../src/engine/training/engineEvents';
import { EngineSession } from '../src/engine/training/engineSession';
import { nodeAssetReader } from '../src/testing/nodeAssetReader';

const TARGET = 0.988;
const epochs = Number(process.argv[2] ?? 3);
const seed = Number(process.argv[3] ?? 1);

prepareWasm();
await tf.setBackend('wasm');
const dataset = await loadDataset('mnist', nodeAssetReader());
const events: EngineEvent[] = [];
const session = new EngineSession(
  dataset,
  {
    dataset: 'mnist',
    model: { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 },
    optimizer: 'sgdMomentum',
    batchSize: 64,
    seed,
    augment: false,
  },
  (event) => {
    events.push(event);
    if (event.type === 'validation') {
      console.log(
        `  iteration ${event.iteration}: validation accuracy ${(100 * event.accuracy).toFixed(2)}%`,
      );
    }
  },
);

const numIt = 100;
const range = await session.rangeTest({
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
console.log(
  `range test: ${range.numSteps} steps in ${(range.wallMs / 1000).toFixed(1)} s (${range.reason})`,
);
for (const method of SUGGEST_METHODS) {
  try {
    console.log(`  ${method}: ${suggestLr(lrs, losses, method, { numIt }).lr.toPrecision(3)}`);
  } catch (error) {
    console.log(`  ${method}: none (${(error as Error).message})`);
  }
}
// Smith's own rule: max_lr where the accuracy stops rising, base_lr a quarter of it.
const bounds = suggestFromAccuracy(lrs, accuracies, { ratio: 4 });
console.log(
  `  accuracy knee: max_lr ${bounds.maxLr.toPrecision(3)}, base_lr ${bounds.baseLr.toPrecision(3)}`,
);

const iterationsPerEpoch = session.datasetInfo.iterationsPerEpoch;
const schedule = parseScheduleSpec({
  policy: 'triangular',
  baseLr: bounds.baseLr,
  maxLr: bounds.maxLr,
  stepSize: iterationsPerEpoch / 2,
});
console.log(`training ${epochs} epochs: ${JSON.stringify(schedule)}`);
const run = await session.train({
  schedule,
  length: { unit: 'epochs', value: epochs },
  validateEvery: iterationsPerEpoch,
  maxSnapshots: 0,
  testAtEnd: true,
});
const test = events.find((event) => event.type === 'test');
const accuracy = test?.type === 'test' ? test.accuracy : NaN;
const samplesPerSec = (run.iterations * 64 * 1000) / run.wallMs;
console.log(
  `test accuracy ${(100 * accuracy).toFixed(2)}% after ${run.iterations} iterations in ${(run.wallMs / 1000).toFixed(0)} s ` +
    `(${samplesPerSec.toFixed(0)} samples/s incl. validation); target ${(100 * TARGET).toFixed(1)}%`,
);
process.exitCode = accuracy >= TARGET ? 0 : 1;
