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
