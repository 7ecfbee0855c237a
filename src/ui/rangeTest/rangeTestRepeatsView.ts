import {
  bandAcrossRuns,
  suggestionSpread,
  type RunBand,
  type SuggestChoices,
  type SuggestionSpread,
} from '../../core';
import type { RecordedRangeTest } from '../series/rangeTestSnapshot';
import {
  RECOMMENDATION_ORDER,
  SUGGESTION_TEXT,
  pickLrs,
  shapeCurve,
  type SuggestionId,
} from './rangeTestAnalysis';

/** One suggestion across the repeats: where its picks fall (an interval) and their median. */
export interface SuggestionInterval {
  id: SuggestionId;
  label: string;
  spread: SuggestionSpread;
}

/** What K repeated sweeps show together. */
export interface RepeatsView {
  numRepeats: number;
  /** The LRs of the longest sweep (every sweep follows the same LRs). */
  lrs: Float64Array;
  /** Median and band of the smoothed loss (the chart's beta). */
  loss: RunBand;
  /** Median and band of the accuracy, smoothed as Smith's knee reads it. */
  accuracy: RunBand;
  intervals: SuggestionInterval[];
  /** The recommended rule's interval (RECOMMENDATION_ORDER), or null. */
  recommended: SuggestionInterval | null;
}

/**
 * The median curves with their bands and each suggestion's interval over the repeats: every
 * sweep is smoothed and picked from on its own, then summarised per step and per rule.
 */
export function repeatsView(
  repeats: readonly RecordedRangeTest[],
  options: { beta: number; divergeFactor: number; numIt: number; choices: SuggestChoices },
): RepeatsView {
  const curves = repeats.map((steps) => shapeCurve(steps, { ...options, learningStartsAt: null }));
  const picks = repeats.map((steps) => pickLrs(steps, options.numIt, options.choices));
  const longest = repeats.reduce((a, b) => (b.lrs.length > a.lrs.length ? b : a));
  const ids = [...SUGGESTION_ORDER];
  const intervals = ids.flatMap((id): SuggestionInterval[] => {
    const spread = suggestionSpread(
      picks.flatMap((pick) => pick.suggestions.filter((s) => s.id === id).map((s) => s.lr)),
    );
    return spread ? [{ id, label: SUGGESTION_TEXT[id].label, spread }] : [];
  });
  return {
    numRepeats: repeats.length,
    lrs: longest.lrs,
    loss: bandAcrossRuns(curves.map((curve) => curve.smoothed)),
    accuracy: bandAcrossRuns(curves.map((curve) => curve.smoothedAccuracy)),
    intervals,
    recommended:
      RECOMMENDATION_ORDER.map((id) => intervals.find((i) => i.id === id)).find(Boolean) ?? null,
  };
}

const SUGGESTION_ORDER: readonly SuggestionId[] = [
  'steep',
  'valley',
  'minimum',
  'slide',
  'steepestGradient',
  'accuracy',
];

/** "×1.6 between runs": how far apart the repeats' picks are. */
export function spreadText(spread: SuggestionSpread): string {
  const ratio = spread.ratio;
  return `×${ratio < 10 ? ratio.toFixed(1) : Math.round(ratio)} between runs`;
}
