import {
  FASTAI_SMOOTHING,
  SUGGEST_METHODS,
  accuracyKnee,
  argmin,
  divergenceStop,
  errorMessage,
  smoothAccuracy,
  smoothLosses,
  suggestLr,
  type SuggestChoices,
  type SuggestMethod,
} from '../../core';
import { roundSignificant } from '../format';

/** A recorded range test: one entry per step. */
export interface RecordedSteps {
  lrs: ArrayLike<number>;
  /** Raw per-step losses (may end in a non-finite one). */
  losses: ArrayLike<number>;
  /** Per-step batch accuracies, as fractions. */
  accuracies: ArrayLike<number>;
}

export type SuggestionId = SuggestMethod | 'accuracy';

export interface RangeTestSuggestion {
  id: SuggestionId;
  label: string;
  /** One plain-language line. */
  explanation: string;
  lr: number;
  index: number;
}

/** A suggestion that the recorded points cannot support, with the reason. */
export interface OmittedSuggestion {
  id: SuggestionId;
  label: string;
  reason: string;
}

export interface RangeTestPicks {
  suggestions: RangeTestSuggestion[];
  omitted: OmittedSuggestion[];
  /** The suggestion offered as "the" max LR (see RECOMMENDATION_ORDER), or null. */
  recommended: RangeTestSuggestion | null;
  /** Where the accuracy starts rising (Smith's knee's `risesAt`), or null without a knee. */
  learningStartsAt: number | null;
}

export type RegionKind = 'tooLow' | 'learning' | 'diverging';

export interface LrRegion {
  kind: RegionKind;
  fromLr: number;
  toLr: number;
}

/** Where the recorded loss stopped being usable: the divergence rule fired or a loss was not finite. */
export interface RangeTestStop {
  kind: 'diverged' | 'nonFinite';
  index: number;
  lr: number;
}

export interface RangeTestCurve {
  /** Points recorded (LRs and losses cut to the shorter). */
  numPoints: number;
  /** Points before the first non-finite loss: the ones the maths uses. */
  numFinite: number;
  /** Debiased EMA of the finite losses with the user's beta; NaN from the first non-finite loss on. */
  smoothed: Float64Array;
  /** The accuracies smoothed as Smith's knee reads them, so the knee sits on the drawn peak. */
  smoothedAccuracy: Float64Array;
  /** Index of the smoothed-loss minimum, or null without points. */
  minIndex: number | null;
  /** Shaded only when the curve shows them apart; empty otherwise. */
  regions: LrRegion[];
  stop: RangeTestStop | null;
}

export const SUGGESTION_TEXT: Record<SuggestionId, { label: string; explanation: string }> = {
  steep: { label: 'Steep', explanation: 'where the loss falls fastest' },
  valley: {
    label: 'Valley',
    explanation: "2/3 down the longest downhill stretch (fastai's default)",
  },
  minimum: { label: 'Minimum / 10', explanation: 'a tenth of the LR at the lowest loss' },
  slide: {
    label: 'Slide',
    explanation: 'where the loss stops sliding down, walking back from the blow-up (fastai)',
  },
  steepestGradient: {
    label: 'Steepest gradient',
    explanation: "pytorch-lr-finder's steepest gradient",
  },
  accuracy: {
    label: 'Accuracy knee',
    explanation: "where the accuracy stops rising (Smith's rule)",
  },
};

/**
 * Which suggestion is "the" max LR for cyclical training: Smith's own rule (where the accuracy
 * stops rising) first, as in the CLR paper; fastai's `valley`, then `steep`, when no accuracy
 * knee can be found. valley suits fine-tuning but is 10–30× lower on MNIST, too timid for CLR.
 */
export const RECOMMENDATION_ORDER: readonly SuggestionId[] = ['accuracy', 'valley', 'steep'];

/** A region boundary moves a tenth of the way from the curve's plateau towards its extreme. */
const CLEAR_FRACTION = 0.1;

/** The loss must fall at least this fraction of its plateau for the regions to mean anything. */
const MIN_RELATIVE_DROP = 0.05;

function firstNonFinite(values: ArrayLike<number>, length: number): number {
  for (let k = 0; k < length; k++) if (!Number.isFinite(values[k])) return k;
  return length;
}

/**
 * too low / learning / diverging, split where learning starts (the accuracy knee's `risesAt`,
 * else where the smoothed loss leaves its plateau) and at the smoothed-loss minimum. Diverging
 * is shown only when the loss climbs clearly after its minimum (or turned non-finite).
 */
function findRegions(
  lrs: ArrayLike<number>,
  smoothed: Float64Array,
  numFinite: number,
  numPoints: number,
  minIndex: number,
  accuracyRisesAt: number | null,
): LrRegion[] {
  let plateau = -Infinity;
  for (let k = 0; k <= minIndex; k++) plateau = Math.max(plateau, smoothed[k]);
  const drop = plateau - smoothed[minIndex];
  if (!(drop > MIN_RELATIVE_DROP * Math.abs(plateau))) return [];

  let learnStart = accuracyRisesAt ?? 0;
  if (accuracyRisesAt === null) {
    const threshold = plateau - CLEAR_FRACTION * drop;
    for (let k = 0; k < minIndex; k++) if (smoothed[k] > threshold) learnStart = k + 1;
  }
  if (learnStart >= minIndex) return [];

  let climbs = numFinite < numPoints;
  for (let k = minIndex + 1; k < numFinite && !climbs; k++) {
    climbs = smoothed[k] > smoothed[minIndex] + CLEAR_FRACTION * drop;
  }
  const last = numPoints - 1;
  const regions: LrRegion[] = [];
  if (learnStart > 0) regions.push({ kind: 'tooLow', fromLr: lrs[0], toLr: lrs[learnStart] });
  const learnEnd = climbs ? minIndex : last;
  regions.push({ kind: 'learning', fromLr: lrs[learnStart], toLr: lrs[learnEnd] });
  if (climbs) regions.push({ kind: 'diverging', fromLr: lrs[minIndex], toLr: lrs[last] });
  return regions;
}

function finitePrefix(steps: RecordedSteps): { lrs: number[]; losses: number[] } {
  const numPoints = Math.min(steps.lrs.length, steps.losses.length);
  const numFinite = firstNonFinite(steps.losses, numPoints);
  return {
    lrs: Array.from({ length: numFinite }, (_, k) => steps.lrs[k]),
    losses: Array.from({ length: numFinite }, (_, k) => steps.losses[k]),
  };
}

/**
 * Every library's suggestion (on the finite losses, with its own smoothing) plus Smith's
 * accuracy knee; one the points cannot support is listed in `omitted` with the reason.
 */
export function pickLrs(
  steps: RecordedSteps,
  numIt: number,
  choices: SuggestChoices = {},
): RangeTestPicks {
  const { lrs, losses } = finitePrefix(steps);
  const suggestions: RangeTestSuggestion[] = [];
  const omitted: OmittedSuggestion[] = [];
  for (const id of SUGGEST_METHODS) {
    try {
      const { lr, index } = suggestLr(lrs, losses, id, { numIt, ...choices });
      suggestions.push({ id, ...SUGGESTION_TEXT[id], lr, index });
    } catch (error) {
      omitted.push({ id, label: SUGGESTION_TEXT[id].label, reason: errorMessage(error) });
    }
  }
  const numAccuracies = Math.min(lrs.length, steps.accuracies.length);
  const knee = accuracyKnee(
    lrs.slice(0, numAccuracies),
    Array.from({ length: numAccuracies }, (_, k) => steps.accuracies[k]),
  );
  if ('reason' in knee) {
    omitted.push({ id: 'accuracy', label: SUGGESTION_TEXT.accuracy.label, reason: knee.reason });
  } else {
    suggestions.push({
      id: 'accuracy',
      ...SUGGESTION_TEXT.accuracy,
      lr: knee.maxLr,
      index: knee.maxIndex,
    });
  }
  const recommended =
    RECOMMENDATION_ORDER.map((id) => suggestions.find((s) => s.id === id)).find(Boolean) ?? null;
  return {
    suggestions,
    omitted,
    recommended,
    learningStartsAt: 'reason' in knee ? null : knee.risesAt,
  };
}

/**
 * The drawn curve: the loss smoothed with the user's beta, the stop point (the engine's rule:
 * fastai's beta 0.98 and `divergeFactor` × best, or a non-finite loss) and the three regions.
 * Cheap (linear), so it reruns on every Smoothing slider move.
 */
export function shapeCurve(
  steps: RecordedSteps,
  options: { beta: number; divergeFactor: number; learningStartsAt: number | null },
): RangeTestCurve {
  const { lrs } = steps;
  const numPoints = Math.min(lrs.length, steps.losses.length);
  const { losses } = finitePrefix(steps);
  const numFinite = losses.length;
  const smoothed = new Float64Array(numPoints).fill(NaN);
  smoothed.set(smoothLosses(losses, { rule: 'fastai-debiased-ema', beta: options.beta }));

  let stop: RangeTestStop | null = null;
  if (numFinite < numPoints) {
    stop = { kind: 'nonFinite', index: numFinite, lr: lrs[numFinite] };
  } else {
    const engineSmoothed = smoothLosses(losses, FASTAI_SMOOTHING);
    const divergedAt = divergenceStop(engineSmoothed, options.divergeFactor);
    if (divergedAt !== null) stop = { kind: 'diverged', index: divergedAt, lr: lrs[divergedAt] };
  }

  const numAccuracies = Math.min(numFinite, steps.accuracies.length);
  const smoothedAccuracy = new Float64Array(numAccuracies);
  smoothedAccuracy.set(
    smoothAccuracy(Array.from({ length: numAccuracies }, (_, k) => steps.accuracies[k])),
  );

  const minIndex = numFinite > 0 ? argmin(smoothed, numFinite) : null;
  const regions =
    minIndex === null
      ? []
      : findRegions(lrs, smoothed, numFinite, numPoints, minIndex, options.learningStartsAt);
  return { numPoints, numFinite, smoothed, smoothedAccuracy, minIndex, regions, stop };
}

/** Max LR and Base LR = Max LR / ratio, rounded to three significant digits like the sliders. */
export function boundsFromMaxLr(maxLr: number, ratio: number): { maxLr: number; baseLr: number } {
  const max = roundSignificant(maxLr);
  return { maxLr: max, baseLr: roundSignificant(max / ratio) };
}
