/**
 * Indices that draw a long series faithfully with few points: for each of `buckets` equal
 * slices, its lowest and highest finite value, in order (min/max per pixel column). Keeps
 * spikes and every cycle's peak, unlike taking every n-th point. Returns all indices when
 * they fit.
 */
export function minMaxIndices(
  values: ArrayLike<number>,
  maxPoints: number,
  from = 0,
  to = values.length,
): number[] {
  const n = to - from;
  const out: number[] = [];
  if (n <= maxPoints) {
    for (let i = from; i < to; i++) out.push(i);
    return out;
  }
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  for (let b = 0; b < buckets; b++) {
    const start = from + Math.floor((b * n) / buckets);
    const end = from + Math.floor(((b + 1) * n) / buckets);
    let lo = -1;
    let hi = -1;
    for (let i = start; i < end; i++) {
      const v = values[i];
      if (!Number.isFinite(v)) continue;
      if (lo < 0 || v < values[lo]) lo = i;
      if (hi < 0 || v > values[hi]) hi = i;
    }
    if (lo < 0) {
      out.push(start);
      continue;
    }
    out.push(Math.min(lo, hi));
    if (lo !== hi) out.push(Math.max(lo, hi));
  }
  return out;
}

/** Display budget per series: a crisp line at any width, cheap enough to redraw every frame. */
export const MAX_CHART_POINTS = 1500;

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
