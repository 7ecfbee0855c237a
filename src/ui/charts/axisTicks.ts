import type { XYSeries } from './seriesGeometry';

/** A value axis: its domain and the ticks to label. */
export interface ValueAxisSpec {
  domain: [number, number];
  ticks: number[];
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
  // A non-finite end (an imported Infinity) has no round step: the loop below would never end.
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(max - min < Number.MAX_VALUE))
    return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  if (!(max > min))
    return max > 0
      ? niceLinearAxis(0, max, maxTicks)
      : { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
  let step = niceStep((max - min) / (maxTicks - 1));
  let from = Math.floor(min / step + 1e-9);
  let to = Math.ceil(max / step - 1e-9);
  // Each pass at least doubles the step, so this ends within a few dozen passes.
  for (let pass = 0; to - from + 1 > maxTicks && pass < 64; pass++) {
    step = niceStep(step * 1.01);
    from = Math.floor(min / step + 1e-9);
    to = Math.ceil(max / step - 1e-9);
  }
  // A span of a few subnormals has no representable step: the tick loop would never end.
  if (!(step > 0) || !Number.isFinite(from) || !Number.isFinite(to) || to - from + 1 > maxTicks) {
    return { domain: [min, max], ticks: [min, max] };
  }
  const ticks: number[] = [];
  for (let i = from; i <= to; i++) ticks.push(Number((i * step).toPrecision(12)));
  // Near Number.MAX_VALUE the rounded-up last tick overflows: label the ends themselves.
  if (!ticks.every(Number.isFinite)) return { domain: [min, max], ticks: [min, max] };
  return { domain: [ticks[0], ticks[ticks.length - 1]], ticks };
}

/** Past this many decades a log axis labels every few decades, not each one. */
const MAX_DECADE_TICKS = 12;

/**
 * Log ticks inside [lo, hi]: every decade, and 2× and 5× as well when the span is under two
 * decades (so a narrow axis still gets labels); over a span of more than twelve decades (an
 * imported run with a 1e-300 in it), every k-th decade, at multiples of k, up to about ten ticks.
 */
export function logTicks(lo: number, hi: number): number[] {
  // A zero, negative or infinite end (an imported series) would make the decade loop endless.
  if (!(lo > 0) || !(hi >= lo) || !Number.isFinite(hi)) return [];
  const from = Math.floor(Math.log10(lo) + 1e-9);
  const to = Math.ceil(Math.log10(hi) - 1e-9);
  const multiples = Math.log10(hi / lo) < 2 - 1e-9 ? [1, 2, 5] : [1];
  const stride = to - from > MAX_DECADE_TICKS ? Math.ceil((to - from) / 10) : 1;
  const ticks: number[] = [];
  for (let e = Math.ceil(from / stride) * stride; e <= to; e += stride) {
    for (const m of multiples) {
      const tick = Number((m * 10 ** e).toPrecision(3));
      if (tick >= lo * (1 - 1e-9) && tick <= hi * (1 + 1e-9)) ticks.push(tick);
    }
  }
  return ticks;
}

/** A log axis spanning whole decades around [min, max], ticked by `logTicks`. */
export function logAxis(min: number, max: number): ValueAxisSpec {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return logAxis(0.1, 1);
  // Decades past ±300 round to 0 or Infinity as 10^e: keep the axis where doubles still work.
  const from = Math.max(-300, Math.floor(Math.log10(min) + 1e-9));
  const to = Math.min(300, Math.max(from + 1, Math.ceil(Math.log10(max) - 1e-9)));
  return { domain: [10 ** from, 10 ** to], ticks: logTicks(10 ** from, 10 ** to) };
}

/** The axis for positive values: from 0 on a linear scale, whole decades on a log one. */
export function positiveAxis(series: readonly XYSeries[], log: boolean): ValueAxisSpec {
  const extent = valueExtent(series, log);
  if (log) return extent ? logAxis(extent[0], extent[1]) : logAxis(0.1, 1);
  return niceLinearAxis(0, extent ? extent[1] : 1);
}

/**
 * The accuracy axis: up to 100%, down past the lowest value shown at or after x = `fromX`
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

/** How many epochs apart epoch ticks sit: 1, 2, 5, 10, 20, … so at most `maxTicks` fit in n steps. */
export function epochTickEvery(n: number, iterationsPerEpoch: number, maxTicks = 7): number {
  const epochs = Math.floor(n / iterationsPerEpoch);
  // An infinite or NaN plan has no spacing that fits: one tick per epoch, and epochTicks stops.
  if (!Number.isFinite(epochs) || epochs <= 0) return 1;
  // 1, 2, 5 × 10^e up to the decade above the epoch count: at most ~300 tries for any double.
  for (let scale = 1; scale <= epochs * 10; scale *= 10) {
    const every = [1, 2, 5].map((m) => m * scale).find((m) => epochs / m <= maxTicks - 1);
    if (every !== undefined) return every;
  }
  return epochs;
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
  if (!(iterationsPerEpoch > 0) || !Number.isFinite(n) || n < iterationsPerEpoch) return undefined;
  const every = epochTickEvery(n, iterationsPerEpoch, maxTicks);
  const ticks: number[] = [];
  // The count cap guards steps too big for `epoch += every` to change a double.
  for (let epoch = 0; epoch * iterationsPerEpoch <= n && ticks.length <= maxTicks; epoch += every) {
    ticks.push(epoch * iterationsPerEpoch);
  }
  return ticks;
}
