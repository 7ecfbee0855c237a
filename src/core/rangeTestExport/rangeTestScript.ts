import { pyFloat, pyNumber, pyString } from '../codeExport/pythonLiteral';
import { PYTHON_KERAS_CALLBACK } from './pythonKerasCallback';
import { PYTHON_SUGGESTIONS } from './pythonSuggestions';
import { PYTHON_TORCH_SWEEP } from './pythonTorchSweep';

/** What the exported range test sweeps and how it stops: the page's range-test settings. */
export interface RangeTestScriptSettings {
  startLr: number;
  endLr: number;
  numIter: number;
  mode: 'exp' | 'linear';
  /** Stop when the debiased-EMA loss passes this × its best. */
  divergeFactor: number;
  /** The EMA's beta for the stop rule (the page's and fastai's: 0.98). */
  smoothingBeta: number;
  /** How many sweeps, each from the same weights with another seed. */
  repeats: number;
}

export const DEFAULT_RANGE_TEST_SCRIPT: RangeTestScriptSettings = {
  startLr: 1e-5,
  endLr: 10,
  numIter: 100,
  mode: 'exp',
  divergeFactor: 4,
  smoothingBeta: 0.98,
  repeats: 1,
};

export type RangeTestScriptFlavour = 'pytorch' | 'keras';

/** Settings the script cannot run with, named by field; empty when they are fine. */
export function rangeTestScriptErrors(settings: RangeTestScriptSettings): string[] {
  const { startLr, endLr, numIter, divergeFactor, smoothingBeta, repeats } = settings;
  const errors: string[] = [];
  if (!(Number.isFinite(startLr) && startLr > 0))
    errors.push(`startLr: must be > 0, got ${startLr}`);
  if (!(Number.isFinite(endLr) && endLr > startLr))
    errors.push(`endLr: must be above startLr (${startLr}), got ${endLr}`);
  if (!(Number.isInteger(numIter) && numIter >= 2))
    errors.push(`numIter: must be a whole number ≥ 2, got ${numIter}`);
  if (!(Number.isFinite(divergeFactor) && divergeFactor > 1))
    errors.push(`divergeFactor: must be > 1, got ${divergeFactor}`);
  if (!(smoothingBeta >= 0 && smoothingBeta < 1))
    errors.push(`smoothingBeta: must be in [0, 1), got ${smoothingBeta}`);
  if (!(Number.isInteger(repeats) && repeats >= 1 && repeats <= 100))
    errors.push(`repeats: must be a whole number from 1 to 100, got ${repeats}`);
  return errors;
}

const USAGE: Record<RangeTestScriptFlavour, string> = {
  pytorch: `Use it on your model (it restores the weights and the optimizer state afterwards):

    from lr_range_test import range_test
    result = range_test(model, optimizer, criterion, train_loader)
    print(result["median_lr"])   # e.g. {"valley": 0.0031, "accuracyKnee": 0.047, ...}

Depends on torch only (the replay needs nothing but Python).`,
  keras: `Use it on your compiled model (metrics=["accuracy"] enables the accuracy knee; it
restores the weights and the optimizer state afterwards):

    from lr_range_test_keras import range_test
    result = range_test(model, x, y, batch_size=64)
    print(result["median_lr"])   # e.g. {"valley": 0.0031, "accuracyKnee": 0.047, ...}

or one sweep as a callback: model.fit(..., callbacks=[finder := LRRangeTest()]), then
finder.suggestions() ({rule: index into finder.lrs}).

Depends on keras only (the replay needs nothing but Python).`,
};

const IMPORTS: Record<RangeTestScriptFlavour, string> = {
  pytorch: `try:
    import torch
except ImportError:  # replay mode needs no torch
    torch = None`,
  keras: '',
};

/**
 * Leslie Smith's LR range test as one self-contained Python file (PyTorch, or a Keras
 * callback) that sweeps, smooths, stops, restores and suggests exactly as the page does, and
 * replays recorded curves (`--replay CASES.json`) so anyone can check it picks our points.
 */
export function rangeTestScript(
  settings: RangeTestScriptSettings,
  flavour: RangeTestScriptFlavour = 'pytorch',
): string {
  const errors = rangeTestScriptErrors(settings);
  if (errors.length > 0)
    throw new RangeError(`Cannot export this range test: ${errors.join('; ')}`);
  const { startLr, endLr, numIter, mode, divergeFactor, smoothingBeta, repeats } = settings;
  const body = flavour === 'pytorch' ? PYTHON_TORCH_SWEEP : PYTHON_KERAS_CALLBACK;
  return `#!/usr/bin/env python3
"""LR range test (Leslie Smith), exported from LR Playground: the page's sweep and suggestions.

Sweep: ${mode} from ${startLr} to ${endLr} over ${numIter} steps; stop when the debiased EMA
(beta ${smoothingBeta}) of the loss passes ${divergeFactor}x its best, or on a non-finite loss;
${repeats} repeat(s).

${USAGE[flavour]}

Check that it reproduces the page's picks on recorded curves:

    python3 ${flavour === 'pytorch' ? 'lr_range_test.py' : 'lr_range_test_keras.py'} --replay suggestions.json
"""
import argparse
import copy
import json
import math
${IMPORTS[flavour]}

START_LR = ${pyFloat(startLr)}
END_LR = ${pyFloat(endLr)}
NUM_ITER = ${pyNumber(numIter)}
MODE = ${pyString(mode)}
SMOOTHING_BETA = ${pyFloat(smoothingBeta)}
DIVERGE_FACTOR = ${pyFloat(divergeFactor)}
REPEATS = ${pyNumber(repeats)}
${PYTHON_SUGGESTIONS}${body}

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\\n")[0])
    parser.add_argument("--replay", metavar="CASES.json", help="print the picks for recorded curves")
    args = parser.parse_args()
    if args.replay:
        replay(args.replay)
    else:
        print(__doc__)


if __name__ == "__main__":
    main()
`;
}
