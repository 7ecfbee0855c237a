import { useSyncExternalStore } from 'react';

/** Below this width the page is one column (layout.css): charts stack and keep their height. */
const ONE_COLUMN_BELOW = 1000;

/**
 * How tall a chart's plot is for the window. At 720 px high (a projector's 1280×720) two rows
 * of charts just fit under the run bar at `base`; each pixel of window height above that is
 * shared between the two rows, up to `max`, so a 1920×1080 screen shows the same charts
 * larger instead of leaving its lower half empty. In the one-column layout (phone, tablet)
 * the charts stack, and taller ones would only mean more scrolling.
 */
export function chartHeightFor(
  window: { width: number; height: number },
  base: number,
  max: number,
): number {
  if (window.width < ONE_COLUMN_BELOW) return base;
  const extra = Math.max(0, window.height - 720) / 2;
  return Math.round(Math.min(max, base + extra));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

// Width and height in one number, so the snapshot is a primitive React can compare.
const windowSize = () => window.innerWidth * 100_000 + window.innerHeight;

/** `chartHeightFor` the current window, following resizes. */
export function useChartHeight(base: number, max = 2 * base): number {
  const size = useSyncExternalStore(subscribe, windowSize, () => 1280 * 100_000 + 720);
  return chartHeightFor({ width: Math.floor(size / 100_000), height: size % 100_000 }, base, max);
}
