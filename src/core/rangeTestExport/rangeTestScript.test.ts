import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGolden } from '../../../tests/golden';
import { smoothLosses, divergenceStop } from '../smoothing';
import { suggestFromAccuracy } from '../suggest';
import { sweepLr } from '../sweep';
import {
  DEFAULT_RANGE_TEST_SCRIPT,
  rangeTestScript,
  rangeTestScriptErrors,
  type RangeTestScriptFlavour,
} from './rangeTestScript';

interface SuggestionCase {
  name: string;
  lrs: number[];
  losses: number[];
  numIt: number;
  batchAccuracy?: number[];
  expectedIndex: Record<string, number>;
}

const GOLDEN = fileURLToPath(new URL('../../../tests/golden/suggestions.json', import.meta.url));
const DRIVER = fileURLToPath(
  new URL('../../../tests/python/range_test_driver.py', import.meta.url),
);
const KERAS_DRIVER = fileURLToPath(
  new URL('../../../tests/python/keras_range_test_driver.py', import.meta.url),
);
const CANDIDATES = [process.env.PYTHON, '/usr/bin/python3', 'python3'].filter(
  (candidate): candidate is string => Boolean(candidate),
);
const python = CANDIDATES.find((candidate) => spawnSync(candidate, ['-V']).status === 0);
const torchPython = CANDIDATES.find(
  (candidate) => spawnSync(candidate, ['-c', 'import torch']).status === 0,
);
const numpyPython = CANDIDATES.find(
  (candidate) => spawnSync(candidate, ['-c', 'import numpy']).status === 0,
);
if (!torchPython) {
  console.warn(
    `Skipping the torch run of the exported range test: none of ${CANDIDATES.join(', ')} can import torch (set PYTHON to one that can).`,
  );
}

function exportTo(flavour: RangeTestScriptFlavour, settings = DEFAULT_RANGE_TEST_SCRIPT): string {
  const file = join(mkdtempSync(join(tmpdir(), 'range-test-')), `lr_range_test_${flavour}.py`);
  writeFileSync(file, rangeTestScript(settings, flavour));
  return file;
}

function runPython(interpreter: string, args: string[]): unknown {
  const run = spawnSync(interpreter, args, { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`${args.join(' ')} failed: ${run.stderr}`);
  return JSON.parse(run.stdout);
}

describe('the range test as a Python file', () => {
  it('carries the settings it was exported with', () => {
    const script = rangeTestScript({ ...DEFAULT_RANGE_TEST_SCRIPT, startLr: 0.001, numIter: 250 });
    expect(script).toContain('START_LR = 0.001\n');
    expect(script).toContain('NUM_ITER = 250\n');
    expect(script).toContain('END_LR = 10.0\n');
  });

  it('refuses settings it cannot run with, naming the field', () => {
    const bad = { ...DEFAULT_RANGE_TEST_SCRIPT, endLr: 1e-6, repeats: 0 };
    expect(rangeTestScriptErrors(bad)).toEqual([
      'endLr: must be above startLr (0.00001), got 0.000001',
      'repeats: must be a whole number from 1 to 100, got 0',
    ]);
    expect(() => rangeTestScript(bad)).toThrow(/endLr: must be above startLr/);
  });

  it('is what `npm run -s export -- range-test` prints', () => {
    const cli = fileURLToPath(new URL('../../../scripts/export.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));
    for (const flavour of ['pytorch', 'keras'] as const) {
      const run = spawnSync(tsx, [cli, 'range-test', flavour], { encoding: 'utf8' });
      expect(run.status).toBe(0);
      expect(run.stdout).toBe(rangeTestScript(DEFAULT_RANGE_TEST_SCRIPT, flavour));
    }
  });

  describe.skipIf(!python)('replaying the golden curves', () => {
    const cases = loadGolden<SuggestionCase>('suggestions');
    for (const flavour of ['pytorch', 'keras'] as const) {
      it(`${flavour}: picks every golden expectedIndex and our accuracy knee`, () => {
        const picks = runPython(python!, [exportTo(flavour), '--replay', GOLDEN]) as Record<
          string,
          Record<string, number>
        >;
        expect(Object.keys(picks)).toEqual(cases.map((c) => c.name));
        for (const c of cases) {
          const { accuracyKnee, ...rules } = picks[c.name];
          expect(rules, c.name).toEqual(c.expectedIndex);
          if (c.batchAccuracy) {
            expect(accuracyKnee, c.name).toBe(suggestFromAccuracy(c.lrs, c.batchAccuracy).maxIndex);
          } else {
            expect(accuracyKnee, c.name).toBeUndefined();
          }
        }
      });
    }
  });

  it('asks for the repeats it was exported with, in either flavour', () => {
    for (const flavour of ['pytorch', 'keras'] as const) {
      const script = rangeTestScript({ ...DEFAULT_RANGE_TEST_SCRIPT, repeats: 5 }, flavour);
      expect(script, flavour).toContain('REPEATS = 5\n');
      expect(script, flavour).toMatch(/^def range_test\(.*repeats=REPEATS/m);
      expect(script, flavour).toContain('5 repeat(s)');
    }
  });

  /** The page's stop rule and sweep, checked on each run a Python range test reports. */
  function expectSweepsStoppedByOurRule(
    runs: { lrs: number[]; losses: number[]; reason: string }[],
    sweep: { startLr: number; endLr: number; numIter: number; mode: 'exp' },
  ) {
    for (const run of runs) {
      // The page's sweep, step by step, up to where the run stopped.
      run.lrs.forEach((lr, k) => expect(lr).toBeCloseTo(sweepLr(sweep, k), 12));
      // The top LR diverges: the run stopped where the page's stop rule says.
      expect(run.reason).toMatch(/diverged|nonFinite/);
      expect(run.lrs.length).toBeLessThan(sweep.numIter);
      if (run.reason === 'diverged') {
        const smoothed = smoothLosses(run.losses, { rule: 'fastai-debiased-ema', beta: 0.98 });
        expect(divergenceStop(smoothed, 4)).toBe(run.losses.length - 1);
      }
    }
  }

  // Keras is not needed: the driver runs the callback under a stand-in keras module whose fit
  // calls callbacks as Keras does (running-mean logs, stop_training, a lazily built optimizer).
  it.skipIf(!numpyPython)(
    'keras: repeats the sweep with other seeds, stops on divergence, recovers each batch loss and restores weights, optimizer and LR',
    () => {
      const out = runPython(numpyPython!, [KERAS_DRIVER, exportTo('keras')]) as {
        runs: { lrs: number[]; losses: number[]; reason: string }[];
        suggestions: Record<string, number>[];
        medianLr: Record<string, number>;
        batchLossesRecovered: boolean;
        weightsRestored: boolean;
        optimizerRestored: boolean;
        lrRestored: boolean;
      };
      expect(out.runs).toHaveLength(2);
      expectSweepsStoppedByOurRule(out.runs, {
        startLr: 1e-4,
        endLr: 1000,
        numIter: 30,
        mode: 'exp',
      });
      // Two repeats with other seeds see other batches; each is summarised like the page's.
      expect(out.runs[0].losses).not.toEqual(out.runs[1].losses);
      expect(out.suggestions).toHaveLength(2);
      for (const rule of ['valley', 'steep']) {
        const picked = out.runs.map((run, i) => run.lrs[out.suggestions[i][rule]]);
        expect(out.medianLr[rule], rule).toBeCloseTo(Math.sqrt(picked[0] * picked[1]), 12);
      }
      // The loss of each batch, recovered from Keras's running means across epochs.
      expect(out.batchLossesRecovered).toBe(true);
      expect(out.weightsRestored).toBe(true);
      expect(out.optimizerRestored).toBe(true);
      expect(out.lrRestored).toBe(true);
    },
  );

  it.skipIf(!torchPython)(
    'sweeps a torch model, stops on divergence and restores weights and optimizer',
    () => {
      const out = runPython(torchPython!, [DRIVER, exportTo('pytorch')]) as {
        runs: { lrs: number[]; losses: number[]; reason: string }[];
        suggestions: Record<string, number>[];
        weightsRestored: boolean;
        momentumRestored: boolean;
        lrRestored: boolean;
      };
      expect(out.runs).toHaveLength(2);
      expectSweepsStoppedByOurRule(out.runs, {
        startLr: 1e-4,
        endLr: 100,
        numIter: 30,
        mode: 'exp',
      });
      // Two repeats with other seeds see other batches.
      expect(out.runs[0].losses).not.toEqual(out.runs[1].losses);
      expect(out.weightsRestored).toBe(true);
      expect(out.momentumRestored).toBe(true);
      expect(out.lrRestored).toBe(true);
    },
  );
});
