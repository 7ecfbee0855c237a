/** A range test's sweep: the LR goes from startLr towards endLr over numIter steps. */
export interface SweepOptions {
  startLr: number;
  endLr: number;
  numIter: number;
  mode: 'exp' | 'linear';
  /** Whose convention: pytorch-lr-finder reaches endLr at the last step, fastai never uses it. */
  library?: 'pytorch-lr-finder' | 'fastai';
}

/** The range-test LR of 0-based step k (pytorch-lr-finder's or fastai's sweep). */
export function sweepLr(options: SweepOptions, k: number): number {
  const { startLr, endLr, numIter, mode, library = 'pytorch-lr-finder' } = options;
  if (library === 'fastai') {
    // fastai: exponential only, r = k / numIter, so endLr itself is never reached.
    return startLr * (endLr / startLr) ** (k / numIter);
  }
  const r = numIter > 1 ? k / (numIter - 1) : 0;
  return mode === 'exp' ? startLr * (endLr / startLr) ** r : startLr + r * (endLr - startLr);
}
