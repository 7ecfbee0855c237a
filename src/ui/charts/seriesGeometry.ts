/** A line to draw: x and y values, index by index (typed arrays or plain ones). */
export interface XYSeries {
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
}

/** Maps a data value to a pixel (recharts' axis scale); undefined when it cannot. */
export type PixelScale = (value: number) => number | undefined;

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

/** Small circles at every finite point, as one path. */
export function dotsPath(series: XYSeries, x: PixelScale, y: PixelScale, r: number): string {
  let d = '';
  for (let i = 0; i < series.xs.length; i++) {
    const px = x(series.xs[i]);
    const py = Number.isFinite(series.ys[i]) ? y(series.ys[i]) : undefined;
    if (px === undefined || py === undefined) continue;
    d += `M${(px - r).toFixed(1)},${py.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

/**
 * The index of the x nearest to `x` in ascending xs, or -1 when there are none. On a log axis
 * (an LR sweep) nearness is a ratio, as the eye reads it there.
 */
export function nearestIndex(
  xs: ArrayLike<number>,
  x: number,
  scale: 'linear' | 'log' = 'linear',
): number {
  if (xs.length === 0) return -1;
  let lo = 0;
  let hi = xs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  if (lo === 0) return 0;
  const distance = (v: number) => (scale === 'log' ? Math.abs(Math.log(v / x)) : Math.abs(v - x));
  return distance(xs[lo - 1]) <= distance(xs[lo]) ? lo - 1 : lo;
}
