// npx tsx bench/compareWasmKernels.ts [rounds] [steps per round]
// Samples/s of the default CNN's training step on wasm in Node with all of our kernels, none,
// and each one turned off, interleaved round by round so that machine noise hits all alike.
// Rates are per second of this process's CPU time.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { prepareWasm } from '../src/engine/backends/wasmSetup';
import {
  REPLACEABLE_WASM_KERNELS,
  registerWasmTrainingKernels,
} from '../src/engine/backends/wasmKernels';
import { createCnn } from '../src/engine/model/cnn';
import { createOptimizer } from '../src/engine/optimizers/optimizer';
import { trainStep } from '../src/engine/optimizers/trainStep';

const rounds = Number(process.argv[2] ?? 5);
const steps = Number(process.argv[3] ?? 15);
const batchSize = 64;

prepareWasm();
await tf.setBackend('wasm');
const model = createCnn({}, 1);
const optimizer = createOptimizer('sgdMomentum', model.params);
const xs = tf.randomUniform([batchSize, 28, 28, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
const ys = tf.oneHot(tf.randomUniform([batchSize], 0, 10, 'int32', 2), 10).toFloat() as tf.Tensor2D;

function samplesPerSec(disable: readonly string[]): number {
  registerWasmTrainingKernels({ disable });
  const run = (n: number) => {
    for (let i = 0; i < n; i++) {
      const { loss, accuracy } = trainStep(model, optimizer, xs, ys, { lr: 0.001 });
      loss.dataSync();
      tf.dispose([loss, accuracy]);
    }
  };
  run(2);
  // CPU time, not wall time: the machine is shared, and other processes' load would swamp it.
  const started = process.cpuUsage();
  run(steps);
  const used = process.cpuUsage(started);
  return (steps * batchSize * 1e6) / (used.user + used.system);
}

const configs: [string, readonly string[]][] = [
  ['all ours', []],
  ['none of ours', REPLACEABLE_WASM_KERNELS],
  ...REPLACEABLE_WASM_KERNELS.map((k): [string, string[]] => [`without ${k}`, [k]]),
];
const rates = new Map<string, number[]>(configs.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) {
  for (const [name, disable] of configs) rates.get(name)?.push(samplesPerSec(disable));
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
for (const [name, v] of rates) {
  console.log(
    `${name.padEnd(34)} ${median(v).toFixed(0).padStart(5)} samples/s  (${v.map((x) => x.toFixed(0)).join(' ')})`,
  );
}
