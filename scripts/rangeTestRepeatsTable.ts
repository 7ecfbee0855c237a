// npm run range-test-repeats: K = 5 range tests on MNIST (default CNN, SGD with momentum, the
// page's default sweep) in Node on the WASM backend, once with the same initial weights and
// once with re-initialised weights. Prints the README's Markdown table: each suggestion's median
// and its spread between the runs in decades, and the wall time (issue 12).
//
//   npm run range-test-repeats [-- --seed N]
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { DEFAULT_RANGE_TEST, suggestionSpread, type SuggestionSpread } from '../src/core';
import { prepareWasm } from '../src/engine/backends/wasmSetup';
import { loadDataset } from '../src/engine/data/loadDataset';
import type { EngineEvent } from '../src/engine/training/engineEvents';
import { EngineSession } from '../src/engine/training/engineSession';
import { nodeAssetReader } from '../src/testing/nodeAssetReader';
import { pickLrs, type SuggestionId } from '../src/ui/rangeTest/rangeTestAnalysis';

const REPEATS = 5;
const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;

prepareWasm();
await tf.setBackend('wasm');
const dataset = await loadDataset('mnist', nodeAssetReader());
let events: EngineEvent[] = [];
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
  (event) => events.push(event),
);

interface Measured {
  spreads: Map<SuggestionId, { label: string; spread: SuggestionSpread | null }>;
  wallSeconds: number;
}

async function measure(reinitWeights: boolean): Promise<Measured> {
  events = [];
  const started = performance.now();
  await session.rangeTest({ ...DEFAULT_RANGE_TEST, repeats: REPEATS, reinitWeights });
  const wallSeconds = (performance.now() - started) / 1000;
  const lrsById = new Map<SuggestionId, { label: string; lrs: number[] }>();
  for (let repeatIdx = 0; repeatIdx < REPEATS; repeatIdx++) {
    const steps = { lrs: [] as number[], losses: [] as number[], accuracies: [] as number[] };
    for (const event of events) {
      if (event.type !== 'rangeTestProgress' || event.repeatIdx !== repeatIdx) continue;
      steps.lrs.push(...event.lr);
      steps.losses.push(...event.loss);
      steps.accuracies.push(...event.accuracy);
    }
    const picks = pickLrs(steps, DEFAULT_RANGE_TEST.numIter);
    for (const { id, label, lr } of picks.suggestions) {
      const entry = lrsById.get(id) ?? { label, lrs: [] };
      entry.lrs.push(lr);
      lrsById.set(id, entry);
    }
  }
  const spreads = new Map(
    [...lrsById].map(([id, { label, lrs }]) => [id, { label, spread: suggestionSpread(lrs) }]),
  );
  return { spreads, wallSeconds };
}

const same = await measure(false);
const fresh = await measure(true);
session.dispose();

const cell = (spread: SuggestionSpread | null | undefined) =>
  spread
    ? `${spread.median.toPrecision(2)} | ${spread.decades.toFixed(2)} (×${spread.ratio.toFixed(1)})${spread.numRuns < REPEATS ? `, ${spread.numRuns} runs` : ''}`
    : '– | –';
const ids = [...new Set([...same.spreads.keys(), ...fresh.spreads.keys()])];
const lines = [
  `K = ${REPEATS} range tests on MNIST (default CNN, SGD with momentum, batch 64, ${DEFAULT_RANGE_TEST.startLr}→${DEFAULT_RANGE_TEST.endLr} over ${DEFAULT_RANGE_TEST.numIter} iterations, seed ${seed}), WASM in Node:`,
  '',
  '| Suggestion | Median (same weights) | Spread, decades (same weights) | Median (re-initialised) | Spread, decades (re-initialised) |',
  '| --- | --- | --- | --- | --- |',
  ...ids.map((id) => {
    const label = same.spreads.get(id)?.label ?? fresh.spreads.get(id)?.label ?? id;
    return `| ${label} | ${cell(same.spreads.get(id)?.spread)} | ${cell(fresh.spreads.get(id)?.spread)} |`;
  }),
  `| Wall time, ${REPEATS} sweeps | ${same.wallSeconds.toFixed(0)} s | | ${fresh.wallSeconds.toFixed(0)} s | |`,
];
console.log(lines.join('\n'));
