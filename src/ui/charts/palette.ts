/**
 * Every colour a chart draws a line or a marker in. Each keeps at least 3:1 contrast (WCAG 2.1,
 * non-text contrast) against the chart's background, the page's panel grey included, so a line
 * stays visible on a washed-out projector; palette.test.ts checks it. Lines that share a hue are
 * told apart by width and dash as well, never by lightness alone.
 */
export const SERIES_COLORS = {
  lrPlanned: '#5a86d8',
  lrUsed: '#1f6feb',
  /** Prodigy's own step size, lr·d. */
  lrEffective: '#7c3aed',
  /** Where the range test put max LR, for comparison. */
  lrRangePick: '#15803d',
  lossRaw: '#ea580c',
  lossSmoothed: '#9a3412',
  trainAccuracy: '#6b7a90',
  validation: '#15803d',
  cycleBest: '#b45309',
  ensemble: '#7c3aed',
  momentumPlanned: '#c2700f',
  momentumUsed: '#92400e',
  rangeLossRaw: '#5a86d8',
  rangeLoss: '#1f6feb',
  rangeAccuracyRaw: '#c2700f',
  rangeAccuracy: '#92400e',
  heldOut: '#7c3aed',
  raceTarget: '#b42318',
  snapshotSingle: '#15803d',
  snapshotLatest: '#4c1d95',
  snapshotEarlier: '#8b5cf6',
  cycleLine: '#6b7a90',
} as const;

/** Kept runs drawn over the live charts: apart from each other and from the live run's blue, orange and green. */
export const OVERLAY_COLORS = [
  '#7c3aed',
  '#db2777',
  '#0891b2',
  '#a16207',
  '#4d7c0f',
  '#9f1239',
  '#0f766e',
  '#475569',
] as const;

/** Line colours by race leg, in race order; distinct for the common colour-blindness pairs. */
export const LEG_COLORS = [
  '#6b7a90',
  '#1b2330',
  '#1f6feb',
  '#15803d',
  '#b45309',
  '#7c3aed',
  '#dc2626',
] as const;
