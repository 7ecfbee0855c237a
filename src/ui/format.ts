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

/** When a run started, or "an unknown date" for a time no calendar shows (an imported 1e300). */
export function formatStartedAt(ms: number): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return 'an unknown date';
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A run's wall time: "12.3 s", "4.2 min", "3.1 h", "12 days"; "unknown" when not finite. */
export function formatWallTime(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return 'unknown time';
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  if (seconds < 3600) return `${(seconds / 60).toFixed(1)} min`;
  if (seconds < 86_400) return `${(seconds / 3600).toFixed(1)} h`;
  const days = seconds / 86_400;
  return days < 1000 ? `${Math.round(days)} days` : 'over 1,000 days';
}
