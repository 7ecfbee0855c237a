import { formatCount, formatRate } from '../format';
import type { RangeTestCurve, RangeTestPicks } from './rangeTestAnalysis';

/**
 * The range-test chart in words: the LRs swept, where the smoothed loss bottomed out, and each
 * suggestion (the recommended one named first).
 */
export function rangeTestSummary(
  lrs: ArrayLike<number>,
  curve: RangeTestCurve,
  picks: RangeTestPicks,
): string {
  const n = lrs.length;
  if (n === 0) return 'No range test recorded yet.';
  const parts = [
    `Loss against learning rate from ${formatRate(lrs[0])} to ${formatRate(lrs[n - 1])} over ${formatCount(n)} steps.`,
  ];
  if (curve.minIndex !== null) {
    parts.push(
      `Lowest smoothed loss ${curve.smoothed[curve.minIndex].toFixed(2)} at LR ${formatRate(lrs[curve.minIndex])}.`,
    );
  }
  if (picks.recommended) {
    parts.push(`Recommended: ${picks.recommended.label} ${formatRate(picks.recommended.lr)}.`);
  }
  const others = picks.suggestions.filter((s) => s.id !== picks.recommended?.id);
  if (others.length > 0) {
    parts.push(
      `Other suggestions: ${others.map((s) => `${s.label} ${formatRate(s.lr)}`).join(', ')}.`,
    );
  }
  return parts.join(' ');
}
