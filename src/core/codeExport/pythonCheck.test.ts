import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadGolden, maxRelativeError } from '../../../tests/golden';
import { scheduleSpecArb } from '../../../tests/scheduleArbitraries';
import { parseScheduleSpec, type ScheduleSpec } from '../scheduleSpec';
import { lrAt, momentumAt } from '../schedules';
import { kerasCode } from './kerasCode';
import { momentumNotExported, type ExportOptions } from './optimizerCode';
import { pytorchCode } from './pytorchCode';

/**
 * Runs the exported code in Python and compares its LR per step with lrAt: PyTorch for real
 * (torch needed), Keras through tests/python/export_harness.py's NumPy stand-in for
 * TensorFlow. Skipped, with a message, where no Python has torch.
 */

const HARNESS = fileURLToPath(new URL('../../../tests/python/export_harness.py', import.meta.url));
const CANDIDATES = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(
  (candidate): candidate is string => Boolean(candidate),
);
const python = CANDIDATES.find(
  (candidate) => spawnSync(candidate, ['-c', 'import torch, numpy']).status === 0,
);
if (!python) {
  console.warn(
    `Skipping the Python check of the code export: none of ${CANDIDATES.join(', ')} can import torch and numpy (set PYTHON to one that can).`,
  );
}

interface ExportCase {
  name: string;
  spec: ScheduleSpec;
  steps: number;
  options: ExportOptions;
}

interface PythonResult {
  name: string;
  torch: { lr: number[]; momentum: (number | null)[] };
  kerasPython: number[];
  kerasTensor: number[];
}

const sgd: ExportOptions = { optimizer: 'sgdMomentum', batchSize: 64, iterationsPerEpoch: 860 };

const goldenCases: ExportCase[] = [
  ...loadGolden<{ name: string; spec: unknown; iterations: number }>('schedules'),
  ...loadGolden<{ name: string; spec: unknown; iterations: number }>('schedules-modern'),
].map((c) => ({
  name: c.name,
  spec: parseScheduleSpec(c.spec),
  steps: c.iterations,
  options: sgd,
}));

/** One-cycle ends at totalSteps and torch's cosine climbs again after it: check up to there. */
function stepsToCheck(spec: ScheduleSpec): number {
  if (spec.policy === 'one_cycle') return spec.totalSteps;
  if (spec.policy === 'cosine') return spec.totalSteps + 1;
  return 400;
}

const randomCases: ExportCase[] = fc
  .sample(scheduleSpecArb, { numRuns: 40, seed: 5 })
  .map((spec, i) => ({
    name: `random ${i}: ${JSON.stringify(spec)}`,
    spec,
    steps: stepsToCheck(spec),
    options: sgd,
  }));

const adamOneCycle: ExportCase = {
  name: "one_cycle with Adam's beta1 cycled",
  spec: parseScheduleSpec({
    policy: 'one_cycle',
    maxLr: 0.01,
    totalSteps: 300,
    cycleMomentum: true,
  }),
  steps: 300,
  options: { ...sgd, optimizer: 'adam' },
};

const adamwWsd: ExportCase = {
  name: 'wsd with AdamW and its options set (torch must take the arguments as written)',
  spec: parseScheduleSpec({
    policy: 'wsd',
    maxLr: 0.003,
    warmupSteps: 30,
    stableSteps: 200,
    decaySteps: 70,
    warmupType: 'cosine',
    decayType: '1-sqrt',
    minLrRatio: 0.1,
  }),
  steps: 330,
  options: {
    ...sgd,
    optimizer: 'adamw',
    optimizerOptions: { weightDecay: 0.05, beta1: 0.85, beta2: 0.99, eps: 1e-6 },
  },
};

/** The schedule returns float32, as Keras schedules do: LRs below its normal range read as 0. */
const FLOAT32_MIN_NORMAL = 2 ** -126;

/** Like maxRelativeError, but values that float32 cannot hold count as matched when both are. */
function float32Error(actual: readonly number[], expected: readonly number[]): number {
  const normal = expected.map((value, i) =>
    Math.abs(value) < FLOAT32_MIN_NORMAL && Math.abs(actual[i]) < FLOAT32_MIN_NORMAL ? 0 : value,
  );
  const held = actual.map((value, i) => (normal[i] === 0 ? 0 : value));
  return maxRelativeError(held, normal);
}

function runPython(interpreter: string, cases: readonly ExportCase[]): Map<string, PythonResult> {
  const input = JSON.stringify({
    cases: cases.map((c) => ({
      name: c.name,
      steps: c.steps,
      pytorch: pytorchCode(c.spec, c.options),
      keras: kerasCode(c.spec, c.options),
    })),
  });
  const run = spawnSync(interpreter, [HARNESS], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (run.status !== 0) throw new Error(`${HARNESS} failed:\n${run.stderr}`);
  const output = JSON.parse(run.stdout) as { cases: PythonResult[] };
  return new Map(output.cases.map((result) => [result.name, result]));
}

describe.skipIf(!python)('the exported code, run in Python, gives the same LRs as lrAt', () => {
  const cases = [...goldenCases, ...randomCases, adamOneCycle, adamwWsd];
  const results = python ? runPython(python, cases) : new Map<string, PythonResult>();

  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    const result = results.get(name);
    if (!result) throw new Error(`no Python result for ${name}`);
    const steps = Array.from({ length: c.steps }, (_, k) => k);
    const expected = steps.map((k) => lrAt(c.spec, k));
    expect(maxRelativeError(result.torch.lr, expected), 'PyTorch').toBeLessThanOrEqual(1e-6);
    expect(
      maxRelativeError(result.kerasPython, expected),
      'Keras, plain Python',
    ).toBeLessThanOrEqual(1e-6);
    expect(float32Error(result.kerasTensor, expected), 'Keras, tensor ops').toBeLessThanOrEqual(
      1e-6,
    );
    if (momentumAt(c.spec, 0) !== undefined && !momentumNotExported(c.spec, c.options.optimizer)) {
      const momentum = steps.map((k) => momentumAt(c.spec, k) ?? NaN);
      expect(
        maxRelativeError(result.torch.momentum.map(Number), momentum),
        'momentum',
      ).toBeLessThanOrEqual(1e-6);
    }
  });
});
