import { cycleAt, isCyclic, runIterations, schedulePreview, type ScheduleSpec } from '../../core';
import type { RunLength, ValidationResult } from '../../worker/contract';
import { minMaxIndices } from '../charts/downsample';

/** Display budget per series: a crisp line at any width, cheap enough to redraw every frame. */
const MAX_CHART_POINTS = 1500;
/** Past this many cycles, boundary lines and shading would only add noise. */
const MAX_CYCLE_MARKS = 60;
/** A preview scans no further for the end of a run of "cycles" (the schedule explorer's limit). */
const MAX_PLANNED_ITERATIONS = 200_000;

/** A line to draw: x (iteration) and y values, index by index. */
export interface XYSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/** Maps a data value to a pixel (recharts' axis scale); undefined when it cannot. */
export type PixelScale = (value: number) => number | undefined;

/**
 * Per-step columns sampled for drawing: the steps are picked by min/max of the `shape` column
 * (so its spikes survive) and every column is read at those steps. Typed arrays only: no
 * per-point objects, however long the run.
 */
export function sampleSteps<K extends string>(
  columns: Record<K, ArrayLike<number>>,
  shape: NoInfer<K>,
  maxPoints = MAX_CHART_POINTS,
): { xs: number[]; ys: Record<K, Float64Array> } {
  const xs = minMaxIndices(columns[shape], maxPoints);
  const ys = {} as Record<K, Float64Array>;
  for (const key of Object.keys(columns) as K[]) {
    const column = columns[key];
    ys[key] = Float64Array.from(xs, (k) => column[k]);
  }
  return { xs, ys };
}

/** An SVG path through the points; it breaks where a value is missing, not finite or off-scale. */
export function linePath(series: XYSeries, x: PixelScale, y: PixelScale): string {
  let d = '';
  let run = 0;
  for (let i = 0; i < series.xs.length; i++) {
    const value = series.ys[i];
    const px = Number.isFinite(value) ? x(series.xs[i]) : undefined;
    const py = px === undefined ? undefined : y(value);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      // A lone point gets a zero-length segment: with round caps it shows as a dot.
      if (run === 1) d += 'h0';
      run = 0;
      continue;
    }
    d += `${run > 0 ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`;
    run += 1;
  }
  return run === 1 ? `${d}h0` : d;
}

/** The index of the x nearest to `x` in ascending xs, or -1 when there are none. */
export function nearestIndex(xs: ArrayLike<number>, x: number): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 && x - xs[lo - 1] <= xs[lo] - x ? lo - 1 : lo;
}

/** Lowest and highest finite value across the series (positive ones only for a log axis). */
export function valueExtent(
  series: readonly XYSeries[],
  positiveOnly = false,
): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { ys } of series) {
    for (let i = 0; i < ys.length; i++) {
      const v = ys[i];
      if (!Number.isFinite(v) || (positiveOnly && v <= 0)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return lo <= hi ? [lo, hi] : null;
}

/** The smallest step of 1, 2, 2.5 or 5 × a power of ten at or above `v`. */
function niceStep(v: number): number {
  const scale = 10 ** Math.floor(Math.log10(v));
  const m = [1, 2, 2.5, 5, 10].find((step) => step * scale >= v * (1 - 1e-9)) ?? 10;
  return m * scale;
}

/**
 * A linear axis around [min, max]: both ends moved out to a round step, with a tick at every
 * step and at most `maxTicks` ticks (0..1 when there is nothing to show).
 */
export function niceLinearAxis(min: number, max: number, maxTicks = 5): ValueAxisSpec {
  if (!(max > min))
    return max > 0
      ? niceLinearAxis(0, max, maxTicks)
      : { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  let step = niceStep((max - min) / (maxTicks - 1));
  let from = Math.floor(min / step + 1e-9);
  let to = Math.ceil(max / step - 1e-9);
  while (to - from + 1 > maxTicks) {
    step = niceStep(step * 1.01);
    from = Math.floor(min / step + 1e-9);
    to = Math.ceil(max / step - 1e-9);
  }
  const ticks: number[] = [];
  for (let i = from; i <= to; i++) ticks.push(Number((i * step).toPrecision(12)));
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** A value axis: its domain and the ticks to label. */
export interface ValueAxisSpec {
  domain: [number, number];
  ticks: number[];
}

/**
 * A log axis spanning whole decades around [min, max], a tick at each decade (and at 2× and
 * 5× when it spans less than two decades).
 */
export function logAxis(min: number, max: number): ValueAxisSpec {
  const from = Math.floor(Math.log10(min) + 1e-9);
  const to = Math.max(from + 1, Math.ceil(Math.log10(max) - 1e-9));
  const ticks: number[] = [];
  for (let e = from; e <= to; e++) {
    for (const m of to - from < 2 ? [1, 2, 5] : [1]) {
      if (e < to || m === 1) ticks.push(Number((m * 10 ** e).toPrecision(3)));
    }
  }
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** The axis for positive values: from 0 on a linear scale, whole decades on a log one. */
export function positiveAxis(series: readonly XYSeries[], log: boolean): ValueAxisSpec {
  const extent = valueExtent(series, log);
  if (log) return extent ? logAxis(extent[0], extent[1]) : logAxis(0.1, 1);
  return niceLinearAxis(0, extent ? extent[1] : 1);
}

/** The schedule's planned LR (and momentum, when cycled) over the first n steps. */
export function previewSeries(
  spec: ScheduleSpec,
  n: number,
  maxPoints = MAX_CHART_POINTS,
): { lr: XYSeries; momentum: XYSeries | null } {
  const preview = schedulePreview(spec, n, maxPoints);
  return {
    lr: { xs: preview.steps, ys: preview.lr },
    momentum: preview.momentum ? { xs: preview.steps, ys: preview.momentum } : null,
  };
}

/** How many steps a run of `length` will last, as the engine counts them (`runIterations`). */
export function plannedIterations(
  spec: ScheduleSpec,
  length: RunLength,
  iterationsPerEpoch: number,
): number {
  // A schedule without cycles never ends a run of cycles (the engine refuses it): show an epoch.
  const fallback = isCyclic(spec) ? MAX_PLANNED_ITERATIONS : iterationsPerEpoch;
  return runIterations(spec, length, iterationsPerEpoch, MAX_PLANNED_ITERATIONS) ?? fallback;
}

/** How many epochs apart epoch ticks sit: 1, 2, 5, 10, 20, … so at most `maxTicks` fit in n steps. */
export function epochTickEvery(n: number, iterationsPerEpoch: number, maxTicks = 7): number {
  const epochs = Math.floor(n / iterationsPerEpoch);
  for (let scale = 1; ; scale *= 10) {
    const every = [1, 2, 5].map((m) => m * scale).find((m) => epochs / m <= maxTicks - 1);
    if (every !== undefined) return every;
  }
}

/**
 * X ticks at whole epochs (every `epochTickEvery` epochs), or undefined when the run is shorter
 * than an epoch and the chart should pick its own.
 */
export function epochTicks(
  n: number,
  iterationsPerEpoch: number,
  maxTicks = 7,
): number[] | undefined {
  if (iterationsPerEpoch <= 0 || n < iterationsPerEpoch) return undefined;
  const every = epochTickEvery(n, iterationsPerEpoch, maxTicks);
  const ticks: number[] = [];
  for (let epoch = 0; epoch * iterationsPerEpoch <= n; epoch += every) {
    ticks.push(epoch * iterationsPerEpoch);
  }
  return ticks;
}

/**
 * The steps where a new cycle begins within [0, n), or none when there are more than
 * `maxMarks` to draw (the scan stops there, so a long run of short cycles costs little).
 */
export function cycleBoundaries(
  spec: ScheduleSpec,
  n: number,
  maxMarks = MAX_CYCLE_MARKS,
): number[] {
  const starts: number[] = [];
  if (!isCyclic(spec)) return starts;
  for (let k = 0; k < n - 1; k++) {
    if (!cycleAt(spec, k).isCycleEnd) continue;
    starts.push(k + 1);
    if (starts.length > maxMarks) return [];
  }
  return starts;
}

/** Every other cycle (2nd, 4th, …) as an x range to shade, from its cycle boundaries. */
export function shadedCycles(
  boundaries: readonly number[],
  n: number,
): { cycleNum: number; x1: number; x2: number }[] {
  const bands: { cycleNum: number; x1: number; x2: number }[] = [];
  for (let i = 0; i < boundaries.length; i += 2) {
    bands.push({ cycleNum: i + 2, x1: boundaries[i], x2: boundaries[i + 1] ?? n });
  }
  return bands;
}

/** Validation accuracy by iteration (steps done when measured). */
export function validationSeries(validations: readonly ValidationResult[]): XYSeries {
  return {
    xs: validations.map((v) => v.iteration),
    ys: validations.map((v) => v.accuracy),
  };
}

/** Each cycle's best single-model validation accuracy (the first, when tied). */
export function bestPerCycle(validations: readonly ValidationResult[]): XYSeries {
  const best = new Map<number, ValidationResult>();
  for (const v of validations) {
    const current = best.get(v.cycleNum);
    if (!current || v.accuracy > current.accuracy) best.set(v.cycleNum, v);
  }
  return validationSeries([...best.values()]);
}

/** The snapshot ensemble's accuracy at each cycle end where it was measured. */
export function ensembleSeries(validations: readonly ValidationResult[]): XYSeries {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const v of validations) {
    if (v.ensembleAccuracy === null) continue;
    xs.push(v.iteration);
    ys.push(v.ensembleAccuracy);
  }
  return { xs, ys };
}

/**
 * The accuracy axis: up to 100%, down past the lowest value shown at or after iteration `fromX`
 * (0: everything). Zooming past the first steps makes late gains of a fraction of a percent
 * visible.
 */
export function accuracyAxis(series: readonly XYSeries[], fromX = 0): ValueAxisSpec {
  let lowest = Infinity;
  for (const { xs, ys } of series) {
    for (let i = 0; i < ys.length; i++) {
      if (xs[i] >= fromX && Number.isFinite(ys[i]) && ys[i] < lowest) lowest = ys[i];
    }
  }
  // Nothing measured yet: the whole 0–100% range.
  return niceLinearAxis(lowest === Infinity ? 0 : Math.max(0, Math.min(lowest, 0.99)), 1);
}

/** One line on where accuracy stands: the last validation, and the last ensemble beside it. */
export function accuracySummary(validations: readonly ValidationResult[]): string | null {
  const last = validations.at(-1);
  if (!last) return null;
  const parts = [`Validation ${(last.accuracy * 100).toFixed(1)}%`];
  for (let i = validations.length - 1; i >= 0; i--) {
    const { ensembleAccuracy } = validations[i];
    if (ensembleAccuracy === null) continue;
    parts.push(`ensemble ${(ensembleAccuracy * 100).toFixed(1)}%`);
    break;
  }
  return parts.join(' · ');
}
