// npm run race-tables: the policy race, the optimizer race and the suggestion race on MNIST, as
// the Race tab runs them, in Node on the WASM backend (issues 13 and 12's tables). Every race runs
// one epoch per leg from the same initial weights and data order; the policy and optimizer
// races then train three epochs for the top three by final validation accuracy. The suggestion
// race trains triangular CLR from each distinct suggestion of the default range test (and the
// same max LR fixed), ranked by final validation accuracy and loss. Prints the README's Markdown
// tables; writes the numbers to bench-results/race-tables.json (race-tables-NAME.json for one
// race). Takes about forty minutes on two cores, the suggestion race alone five.
//
//   npm run race-tables [-- policy|optimizer|suggestion] [-- --seed N]
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { mkdir, writeFile } from 'node:fs/promises';
import { DEFAULT_RANGE_TEST, type ScheduleSpec, type SessionConfig } from '../src/core';
import { prepareWasm } from '../src/engine/backends/wasmSetup';
import { loadDataset } from '../src/engine/data/loadDataset';
import type { EngineEvent } from '../src/engine/training/engineEvents';
import { EngineSession } from '../src/engine/training/engineSession';
import { nodeAssetReader } from '../src/testing/nodeAssetReader';
import {
  RACE_OPTIMIZERS,
  defaultLrLegSpec,
  optimizerLegSpec,
  policyLegs,
  raceValidateEvery,
  type RaceBounds,
} from '../src/ui/race/raceLegs';
import { finalLoss, rankByFinal, summarizeLeg, type LegSummary } from '../src/ui/race/raceResults';
import { suggestionLegs } from '../src/ui/race/suggestionLegs';
import { boundsFromMaxLr, pickLrs } from '../src/ui/rangeTest/rangeTestAnalysis';
import { DEFAULT_DRAFT } from '../src/ui/schedule/scheduleDraft';

const TARGET = 0.985;
/** base_lr = max_lr / 4, as the page's Ratio slider starts. */
const RATIO = 4;

const args = process.argv.slice(2);
const seedAt = args.indexOf('--seed');
const seed = seedAt >= 0 ? Number(args[seedAt + 1]) : 1;
const RACES = ['policy', 'optimizer', 'suggestion'] as const;
const only = RACES.find((race) => args.includes(race));
const runs = (race: (typeof RACES)[number]) => only === undefined || only === race;

interface LegResult extends LegSummary {
  label: string;
  detail: string;
  iterations: number;
  wallSeconds: number;
  ended: string;
  finalLoss: number | null;
}

interface Leg {
  label: string;
  detail: string;
  optimizer: SessionConfig['optimizer'];
  spec: ScheduleSpec;
}

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
const perEpoch = session.datasetInfo.iterationsPerEpoch;

/** A range test from the seed's weights under `optimizer`; every rule's pick. */
async function rangeTestPicks(optimizer: SessionConfig['optimizer']) {
  session.reset({ optimizer });
  events = [];
  await session.rangeTest(DEFAULT_RANGE_TEST);
  const steps = { lrs: [] as number[], losses: [] as number[], accuracies: [] as number[] };
  for (const event of events) {
    if (event.type !== 'rangeTestProgress') continue;
    steps.lrs.push(...event.lr);
    steps.losses.push(...event.loss);
    steps.accuracies.push(...event.accuracy);
  }
  return pickLrs(steps, DEFAULT_RANGE_TEST.numIter);
}

/** A range test from the seed's weights under `optimizer`; the page's recommended bounds. */
async function rangeTestBounds(optimizer: SessionConfig['optimizer']) {
  const picks = await rangeTestPicks(optimizer);
  return picks.recommended ? boundsFromMaxLr(picks.recommended.lr, RATIO) : null;
}

/** Trains one leg from the seed's weights and data order (its range test, if any, before). */
async function runLeg(leg: Leg, iterations: number): Promise<LegResult> {
  session.reset({ optimizer: leg.optimizer });
  events = [];
  const end = await session.train({
    schedule: leg.spec,
    length: { unit: 'iterations', value: iterations },
    validateEvery: raceValidateEvery(iterations, perEpoch),
    maxSnapshots: 0,
    testAtEnd: false,
  });
  const validations = events.flatMap((event) => (event.type === 'validation' ? [event] : []));
  const result = {
    label: leg.label,
    detail: leg.detail,
    iterations: end.iterations,
    wallSeconds: end.wallMs / 1000,
    ended: end.reason,
    finalLoss: finalLoss(validations),
    ...summarizeLeg(validations, TARGET),
  };
  console.error(
    `  ${leg.label} (${leg.detail}): final ${percent(result.final)}, best ${percent(result.best)}, ` +
      `${result.wallSeconds.toFixed(0)} s, ${end.reason}`,
  );
  return result;
}

const percent = (value: number | null) => (value === null ? '—' : `${(value * 100).toFixed(2)}%`);

/** The policy race's legs over `iterations`, all under SGD with momentum. */
function policyRaceLegs(bounds: RaceBounds, iterations: number): Leg[] {
  const legs = policyLegs(bounds, iterations);
  if (!legs.ok) throw new Error(legs.error);
  return legs.legs.map((leg) => ({ ...leg, optimizer: 'sgdMomentum' }));
}

/** The optimizer race's legs: each at its own range test's bounds, or at its default LR. */
async function optimizerRaceLegs(stepSize: number): Promise<Leg[]> {
  const legs: Leg[] = [];
  for (const entry of RACE_OPTIMIZERS) {
    if (entry.defaultLr !== undefined) {
      const { spec, detail } = defaultLrLegSpec({ ...entry, defaultLr: entry.defaultLr });
      legs.push({ label: entry.label, detail, optimizer: entry.optimizer, spec });
      continue;
    }
    const bounds = await rangeTestBounds(entry.optimizer);
    const leg = bounds ? optimizerLegSpec({ ...bounds, stepSize }, 'triangular', perEpoch) : null;
    if (!leg?.ok) {
      console.error(`  ${entry.label}: no bounds from its range test, left out`);
      continue;
    }
    legs.push({
      label: entry.label,
      detail: leg.detail,
      optimizer: entry.optimizer,
      spec: leg.spec,
    });
  }
  return legs;
}

/** Highest final accuracy first; a leg with none last. */
const byFinal = (a: LegResult, b: LegResult) => (b.final ?? -1) - (a.final ?? -1);

function table(heading: string, rows: readonly LegResult[]): string {
  const lines = [
    `| ${heading} | Schedule | Iterations to ${TARGET * 100}% | Best | Final | Wall time |`,
    '| --- | --- | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row) =>
        `| ${row.label} | ${row.detail} | ${row.iterationsToTarget ?? '—'} | ${percent(row.best)} | ` +
        `${percent(row.final)}${row.ended === 'nonFinite' ? ' (diverged)' : ''} | ${row.wallSeconds.toFixed(0)} s |`,
    ),
  ];
  return lines.join('\n');
}

/** The suggestion race's rows as ranked: by final accuracy, then final loss. */
function suggestionTable(rows: readonly LegResult[]): string {
  const lines = [
    `| Rank | Suggestion | Schedule | Final | Final loss | Iterations to ${TARGET * 100}% | Best | Wall time |`,
    '| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (row, i) =>
        `| ${i + 1} | ${row.label} | ${row.detail} | ${percent(row.final)}` +
        `${row.ended === 'nonFinite' ? ' (diverged)' : ''} | ${row.finalLoss?.toFixed(4) ?? '—'} | ` +
        `${row.iterationsToTarget ?? '—'} | ${percent(row.best)} | ${row.wallSeconds.toFixed(0)} s |`,
    ),
  ];
  return lines.join('\n');
}

const report: Record<string, unknown> = { seed, target: TARGET, iterationsPerEpoch: perEpoch };
const stepSize = Math.round(perEpoch / 2);

if (runs('policy')) {
  const bounds = await rangeTestBounds('sgdMomentum');
  if (!bounds) throw new Error('The SGD + momentum range test gave no suggested max LR.');
  const raceBounds = { ...bounds, stepSize };
  console.error(`policy race, bounds ${JSON.stringify(raceBounds)}: one epoch per leg`);
  const oneEpoch = [];
  for (const leg of policyRaceLegs(raceBounds, perEpoch))
    oneEpoch.push(await runLeg(leg, perEpoch));
  const top = [...oneEpoch]
    .sort(byFinal)
    .slice(0, 3)
    .map((row) => row.label);
  console.error(`policy race: three epochs for ${top.join(', ')}`);
  const threeEpochs = [];
  for (const leg of policyRaceLegs(raceBounds, 3 * perEpoch).filter((l) => top.includes(l.label))) {
    threeEpochs.push(await runLeg(leg, 3 * perEpoch));
  }
  report.policy = { bounds: raceBounds, oneEpoch, threeEpochs };
  console.log(
    `Policy race, one epoch per leg (SGD + momentum, bounds ${bounds.baseLr}–${bounds.maxLr}):\n`,
  );
  console.log(table('Policy', oneEpoch));
  console.log('\nThe top three, three epochs:\n');
  console.log(table('Policy', threeEpochs));
}

if (runs('optimizer')) {
  console.error('optimizer race: one epoch per leg');
  const legs = await optimizerRaceLegs(stepSize);
  const oneEpoch = [];
  for (const leg of legs) oneEpoch.push(await runLeg(leg, perEpoch));
  const top = [...oneEpoch]
    .sort(byFinal)
    .slice(0, 3)
    .map((row) => row.label);
  console.error(`optimizer race: three epochs for ${top.join(', ')}`);
  const threeEpochs = [];
  for (const leg of legs.filter((l) => top.includes(l.label))) {
    threeEpochs.push(await runLeg(leg, 3 * perEpoch));
  }
  report.optimizer = { oneEpoch, threeEpochs };
  console.log('\nOptimizer race, one epoch per leg (triangular CLR at each one’s own bounds):\n');
  console.log(table('Optimizer', oneEpoch));
  console.log('\nThe top three, three epochs:\n');
  console.log(table('Optimizer', threeEpochs));
}

if (runs('suggestion')) {
  const picks = await rangeTestPicks('sgdMomentum');
  console.error(
    `suggestion race, picks ${picks.suggestions.map((s) => `${s.label} ${s.lr.toPrecision(3)}`).join(', ')}` +
      (picks.omitted.length > 0 ? `; omitted ${picks.omitted.map((o) => o.label).join(', ')}` : ''),
  );
  // The page's default triangular policy, one whole cycle in the epoch each leg trains.
  const legs = suggestionLegs(picks.suggestions, {
    draft: { ...DEFAULT_DRAFT, stepSize },
    ratio: RATIO,
    iterations: perEpoch,
    alsoFixed: true,
  });
  if (!legs.ok) throw new Error(legs.error);
  const oneEpoch: LegResult[] = [];
  for (const leg of legs.legs) {
    oneEpoch.push(await runLeg({ ...leg, optimizer: 'sgdMomentum' }, perEpoch));
  }
  const ranked = rankByFinal(
    oneEpoch.map((row) =>
      row.final === null ? [] : [{ accuracy: row.final, loss: row.finalLoss ?? NaN }],
    ),
  ).map((legIdx) => oneEpoch[legIdx]);
  report.suggestion = {
    picks: picks.suggestions.map(({ id, lr, index }) => ({ id, lr, index })),
    omitted: picks.omitted,
    ranked,
  };
  console.log(
    `\nSuggestion race, one epoch per leg (SGD + momentum, triangular step ${stepSize} with ` +
      `Base LR = max / ${RATIO}, and fixed at each max LR), best first:\n`,
  );
  console.log(suggestionTable(ranked));
}

await mkdir('bench-results', { recursive: true });
await writeFile(
  `bench-results/race-tables${only ? `-${only}` : ''}.json`,
  JSON.stringify(report, null, 2),
);
