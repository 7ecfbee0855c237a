/**
 * The part of a log scale a fine slider covers: `decades` wide, inside the field's own
 * [min, max], re-centred only when the value falls outside it or near an end once a drag is
 * over — so the scale never moves under the pointer.
 */

export interface SliderWindow {
  /** log10 of the window's ends. */
  lo: number;
  hi: number;
}

/** A window `decades` wide centred on `center` (a log10), shifted to lie inside [min, max]. */
export function windowAround(
  center: number,
  decades: number,
  min: number,
  max: number,
): SliderWindow {
  const floor = Math.log10(min);
  const ceiling = Math.log10(max);
  if (ceiling - floor <= decades) return { lo: floor, hi: ceiling };
  const lo = Math.min(Math.max(center - decades / 2, floor), ceiling - decades);
  return { lo, hi: lo + decades };
}

/**
 * Whether `value` calls for a new window: outside it (typed, a suggestion, a preset), or,
 * when `settled` (a drag or key press just ended), within a tenth of its width of an end
 * that the field's range lies beyond.
 */
export function needsRecentre(
  value: number,
  current: SliderWindow,
  settled: boolean,
  min: number,
  max: number,
): boolean {
  const at = Math.log10(value);
  if (at < current.lo || at > current.hi) return true;
  if (!settled) return false;
  const margin = (current.hi - current.lo) / 10;
  return (
    (at - current.lo < margin && current.lo > Math.log10(min)) ||
    (current.hi - at < margin && current.hi < Math.log10(max))
  );
}
