// npx tsx bench/profileWasmStep.ts [steps] [kernels of ours to disable, comma-separated]
// Where one training step of the default CNN spends its time on wasm in Node. Each kernel
// call's time is its median over `steps` profiled steps (robust to other processes' load on a
// shared machine); calls are then summed per kernel, and per kernel and input shapes.
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { prepareWasm } from '../src/engine/backends/wasmSetup';
import { registerWasmTrainingKernels } from '../src/engine/backends/wasmKernels';
import { createCnn } from '../src/engine/model/cnn';
import { createOptimizer } from '../src/engine/optimizers/optimizer';
import { trainStep } from '../src/engine/optimizers/trainStep';

const steps = Number(process.argv[2] ?? 15);
const disable = (process.argv[3] ?? '').split(',').filter(Boolean);
const batchSize = 64;

prepareWasm();
registerWasmTrainingKernels({ disable });
await tf.setBackend('wasm');
const model = createCnn({}, 1);
const optimizer = createOptimizer('sgdMomentum', model.params);
const xs = tf.randomUniform([batchSize, 28, 28, 1], 0, 1, 'float32', 1) as tf.Tensor4D;
const ys = tf.oneHot(tf.randomUniform([batchSize], 0, 10, 'int32', 2), 10).toFloat() as tf.Tensor2D;

function step(): void {
  const { loss, accuracy } = trainStep(model, optimizer, xs, ys, { lr: 0.001 });
  loss.dataSync();
  tf.dispose([loss, accuracy]);
}

for (let i = 0; i < 5; i++) step();
const calls: { name: string; shapes: string }[] = [];
const times: number[][] = [];
for (let s = 0; s < steps; s++) {
  const { kernels } = await tf.profile(step);
  kernels.forEach((k, i) => {
    calls[i] ??= { name: k.name, shapes: JSON.stringify(k.inputShapes) };
    (times[i] ??= []).push(Number(k.kernelTimeMs));
  });
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
const perKernel = new Map<string, { ms: number; calls: number }>();
const perShape = new Map<string, number>();
calls.forEach(({ name, shapes }, i) => {
  const ms = median(times[i]);
  const k = perKernel.get(name) ?? { ms: 0, calls: 0 };
  perKernel.set(name, { ms: k.ms + ms, calls: k.calls + 1 });
  perShape.set(`${name} ${shapes}`, (perShape.get(`${name} ${shapes}`) ?? 0) + ms);
});
const total = [...perKernel.values()].reduce((sum, k) => sum + k.ms, 0);
console.log(
  `wasm, batch ${batchSize}${disable.length ? `, without ours: ${disable.join(', ')}` : ''}: ` +
    `kernels ${total.toFixed(1)} ms/step (medians over ${steps} steps)`,
);
for (const [name, k] of [...perKernel].sort((a, b) => b[1].ms - a[1].ms)) {
  if (k.ms < 0.05) continue;
  const share = ((100 * k.ms) / total).toFixed(1);
  console.log(
    `${name.padEnd(24)} ${k.ms.toFixed(2).padStart(6)} ms ${String(k.calls).padStart(3)} calls ${share.padStart(5)}%`,
  );
}
console.log('\nlargest (ms per step, kernel and input shapes):');
for (const [call, ms] of [...perShape].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${ms.toFixed(2).padStart(6)}  ${call}`);
}
