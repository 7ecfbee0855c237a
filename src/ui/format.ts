/** Formats a learning rate (or any positive rate) compactly: 0.0412, 3.16e-5. */
export function formatRate(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e4) return String(Number(value.toPrecision(3)));
  return value.toExponential(2).replace(/\.?0+e/, 'e');
}

/** Rounds to three significant digits, so slider-made values read cleanly. */
export function roundSignificant(value: number, digits = 3): number {
  return Number(value.toPrecision(digits));
}

/** Formats an iteration count with thousands separators: 8,600. */
export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** Compact count for crowded axis ticks: 860, 1.72k, 51.6k. */
export function formatIterationTick(k: number): string {
  return Math.abs(k) < 1000 ? formatCount(k) : `${Number((k / 1000).toPrecision(3))}k`;
}
