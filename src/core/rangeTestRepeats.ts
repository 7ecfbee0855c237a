/**
 * Repeated range tests (K seeds, the same sweep): the median curve with a band, and each
 * suggestion's spread across the runs. Runs may stop at different steps (divergence), so step
 * k summarises the runs that reached it; non-finite values are left out.
 */

/** numpy's default quantile: linear between the two nearest ranks of the sorted values. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const at = (sorted.length - 1) * q;
  const below = Math.floor(at);
  const above = Math.min(sorted.length - 1, below + 1);
  return sorted[below] + (sorted[above] - sorted[below]) * (at - below);
}

/** A band across runs per step: min–max for a few runs, the interquartile range from five. */
export interface RunBand {
  kind: 'minMax' | 'interquartile';
  median: Float64Array;
  low: Float64Array;
  high: Float64Array;
  /** How many runs have a finite value at each step. */
  numRuns: Uint16Array;
}

/** The IQR needs enough runs for its quartiles to differ from the extremes. */
const MIN_RUNS_FOR_QUARTILES = 5;

/** Median and band of K curves over the same steps (the longest curve sets the length). */
export function bandAcrossRuns(curves: readonly ArrayLike<number>[]): RunBand {
  const length = Math.max(0, ...curves.map((curve) => curve.length));
  const kind = curves.length >= MIN_RUNS_FOR_QUARTILES ? 'interquartile' : 'minMax';
  const [lowQ, highQ] = kind === 'interquartile' ? [0.25, 0.75] : [0, 1];
  const band: RunBand = {
    kind,
    median: new Float64Array(length),
    low: new Float64Array(length),
    high: new Float64Array(length),
    numRuns: new Uint16Array(length),
  };
  for (let k = 0; k < length; k++) {
    const values: number[] = [];
    for (const curve of curves) {
      if (k < curve.length && Number.isFinite(curve[k])) values.push(curve[k]);
    }
    values.sort((a, b) => a - b);
    band.median[k] = quantile(values, 0.5);
    band.low[k] = quantile(values, lowQ);
    band.high[k] = quantile(values, highQ);
    band.numRuns[k] = values.length;
  }
  return band;
}

/** One suggestion across repeats: its median LR (on the log scale) and how far apart they are. */
export interface SuggestionSpread {
  median: number;
  min: number;
  max: number;
  /** max / min: "×1.6 between runs". */
  ratio: number;
  /** log10(max / min), the spread in decades. */
  decades: number;
  /** Runs that gave this suggestion. */
  numRuns: number;
}

/** The spread of one suggestion's LRs across runs (the runs that could not give it left out). */
export function suggestionSpread(lrs: readonly number[]): SuggestionSpread | null {
  const logs = lrs
    .filter((lr) => lr > 0 && Number.isFinite(lr))
    .map(Math.log10)
    .sort((a, b) => a - b);
  if (logs.length === 0) return null;
  const min = 10 ** logs[0];
  const max = 10 ** logs[logs.length - 1];
  return {
    median: 10 ** quantile(logs, 0.5),
    min,
    max,
    ratio: max / min,
    decades: logs[logs.length - 1] - logs[0],
    numRuns: logs.length,
  };
}
