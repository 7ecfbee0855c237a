import {
  LR_FINDER_SMOOTHING,
  divergenceFactor,
  divergenceStop,
  smoothLosses,
  type SmoothingRule,
} from './smoothing';
import { argmin } from './argmin';

const FASTAI_BETA = 0.98;

/**
 * LR suggestions from a range test. Each method runs its library's whole pipeline on the
 * raw losses (smoothing, divergence cut, trimming), exactly as golden/README.md describes:
 * fastai's minimum / steep / valley / slide and pytorch-lr-finder's steepest gradient.
 */
export type SuggestMethod = 'minimum' | 'steep' | 'valley' | 'slide' | 'steepestGradient';

export const SUGGEST_METHODS: readonly SuggestMethod[] = [
  'steep',
  'valley',
  'minimum',
  'slide',
  'steepestGradient',
];

export interface Suggestion {
  lr: number;
  /** Index into the full lrs array. */
  index: number;
}

/**
 * The numerical choices behind the suggestions; each one left out is its library's own
 * (golden/README.md), so `{}` reproduces fastai and pytorch-lr-finder exactly.
 */
export interface SuggestChoices {
  /** fastai's EMA beta (0.98); pytorch-lr-finder keeps its smooth_f 0.05. */
  beta?: number;
  /** fastai divides its EMA by 1 − β^k (true); false keeps the plain, start-biased EMA. */
  debias?: boolean;
  /** What a slope is taken against: fastai's steep uses ln(LR), pytorch-lr-finder the step index. */
  slope?: 'logLr' | 'index';
  /** Points left out at the start: fastai numIt // 10, pytorch-lr-finder 10. */
  skipStart?: number;
  /** Points left out before the stop: 5 in both. */
  skipEnd?: number;
  /** The stop: smoothed loss above factor × its best (fastai 4, pytorch-lr-finder 5). */
  divergeFactor?: number;
}

/** The points a library keeps for suggesting: smoothed losses and the [start, end) window. */
export interface SuggestionWindow {
  smoothed: number[];
  /** Points recorded before the divergence stop. */
  recorded: number;
  /** The index whose smoothed loss triggered the stop, or null. */
  divergedAt: number | null;
  window: [number, number];
}

/** Smooths, cuts at divergence and trims the way fastai (numIt//10, −5) or pytorch-lr-finder (10, −5) does. */
export function suggestionWindow(
  rawLosses: ArrayLike<number>,
  rule: SmoothingRule,
  numIt: number,
  choices: SuggestChoices = {},
): SuggestionWindow {
  const smoothed = smoothLosses(rawLosses, rule);
  const divergedAt = divergenceStop(smoothed, choices.divergeFactor ?? divergenceFactor(rule));
  const recorded = divergedAt === null ? smoothed.length : divergedAt + 1;
  const start =
    choices.skipStart ?? (rule.rule === 'fastai-debiased-ema' ? Math.floor(numIt / 10) : 10);
  return { smoothed, recorded, divergedAt, window: [start, recorded - (choices.skipEnd ?? 5)] };
}

/**
 * numpy.gradient: central differences inside, one-sided at the ends; with unit spacing unless
 * coordinates `xs` are given (then the central difference over xs[i+1] − xs[i−1]).
 */
function numpyGradient(values: readonly number[], xs?: readonly number[]): number[] {
  const n = values.length;
  if (n < 2) return n === 1 ? [0] : [];
  const x = (i: number) => (xs ? xs[i] : i);
  return values.map((_, i) => {
    if (i === 0) return (values[1] - values[0]) / (x(1) - x(0));
    if (i === n - 1) return (values[n - 1] - values[n - 2]) / (x(n - 1) - x(n - 2));
    return (values[i + 1] - values[i - 1]) / (x(i + 1) - x(i - 1));
  });
}

/** fastai `steep`: left end of the segment where loss falls fastest against ln(lr) (or the index). */
function steepIndex(lrs: readonly number[], losses: readonly number[], slope: 'logLr' | 'index') {
  const slopes = losses
    .slice(0, -1)
    .map(
      (loss, i) =>
        (losses[i + 1] - loss) / (slope === 'index' ? 1 : Math.log(lrs[i + 1]) - Math.log(lrs[i])),
    );
  return argmin(slopes);
}

/** fastai `valley`: two thirds into the longest strictly decreasing subsequence (indexes wrap like Python's). */
function valleyIndex(losses: readonly number[]): number {
  const n = losses.length;
  const lds = new Array<number>(n).fill(1);
  let maxEnd = 0;
  for (let i = 1; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (losses[i] < losses[j] && lds[i] < lds[j] + 1) lds[i] = lds[j] + 1;
    }
    if (lds[i] > lds[maxEnd]) maxEnd = i;
  }
  const maxStart = maxEnd - lds[maxEnd];
  const sections = (maxEnd - maxStart) / 3;
  const idx = maxStart + Math.trunc(sections) + Math.trunc(sections / 2);
  return idx < 0 ? idx + n : idx;
}

/** fastai `slide`: walks left while the gradient 15 points apart differs by more than 0.005 (absolute). */
function slideIndex(losses: readonly number[]): number {
  const g = numpyGradient(losses);
  const n = losses.length;
  let r = n - 1;
  let l = n - 16;
  let pick = l;
  while (l >= 0 && Math.abs(g[r] - g[l]) > 0.005) {
    pick = l;
    r -= 1;
    l -= 1;
  }
  return pick < 0 ? pick + n : pick;
}

/** Suggests an LR from a range test's LRs and raw losses with one library's method. */
export function suggestLr(
  lrs: ArrayLike<number>,
  rawLosses: ArrayLike<number>,
  method: SuggestMethod,
  options: { numIt: number } & SuggestChoices,
): Suggestion {
  const rule: SmoothingRule =
    method === 'steepestGradient'
      ? LR_FINDER_SMOOTHING
      : {
          rule: 'fastai-debiased-ema',
          beta: options.beta ?? FASTAI_BETA,
          debias: options.debias ?? true,
        };
  const { smoothed, window } = suggestionWindow(rawLosses, rule, options.numIt, options);
  const [start, end] = window;
  if (end - start < 2) {
    throw new RangeError(
      `too few points to suggest an LR: ${end - start} left after trimming [${start}, ${end}); run a longer range test`,
    );
  }
  const lrWindow = Array.from(lrs).slice(start, end);
  const lossWindow = smoothed.slice(start, end);
  switch (method) {
    case 'minimum': {
      const index = start + argmin(lossWindow);
      return { lr: lrs[index] / 10, index };
    }
    case 'steep': {
      const index = start + steepIndex(lrWindow, lossWindow, options.slope ?? 'logLr');
      return { lr: lrs[index], index };
    }
    case 'valley': {
      const index = start + valleyIndex(lossWindow);
      return { lr: lrs[index], index };
    }
    case 'slide': {
      if (lossWindow.length < 16) {
        throw new RangeError(
          `slide needs at least 16 points after trimming, got ${lossWindow.length}`,
        );
      }
      const index = start + slideIndex(lossWindow);
      return { lr: lrs[index], index };
    }
    case 'steepestGradient': {
      const against = options.slope === 'logLr' ? lrWindow.map(Math.log) : undefined;
      const index = start + argmin(numpyGradient(lossWindow, against));
      return { lr: lrs[index], index };
    }
  }
}

/** Smith's bounds from the accuracy curve of a range test. */
export interface AccuracySuggestion {
  maxLr: number;
  baseLr: number;
  /** Where the smoothed accuracy peaks (stops rising): maxLr = lrs[maxIndex]. */
  maxIndex: number;
  /** Where the smoothed accuracy last leaves its floor (a tenth of its rise) on the way up: learning starts. */
  risesAt: number;
}

/**
 * Smith (2017), section 3.3: max_lr is where the accuracy stops rising; base_lr = max_lr / ratio
 * (3–4 in the paper; default 4). The accuracy is smoothed with a centred moving average of
 * `2·halfWindow + 1` points: a trailing EMA would lag and put the knee late, at too high an LR.
 */
export function suggestFromAccuracy(
  lrs: ArrayLike<number>,
  accuracies: ArrayLike<number>,
  options: { ratio?: number; halfWindow?: number } = {},
): AccuracySuggestion {
  const { ratio = 4, halfWindow = 4 } = options;
  if (accuracies.length < 2) throw new RangeError('need at least two accuracy points');
  const smoothed = smoothAccuracy(accuracies, halfWindow);
  let maxIndex = 0;
  for (let i = 1; i < smoothed.length; i++) if (smoothed[i] > smoothed[maxIndex]) maxIndex = i;
  let low = smoothed[0];
  for (let i = 1; i <= maxIndex; i++) low = Math.min(low, smoothed[i]);
  const threshold = low + (smoothed[maxIndex] - low) / 10;
  let risesAt = 0;
  for (let i = 0; i < maxIndex; i++) if (smoothed[i] < threshold) risesAt = i + 1;
  const maxLr = lrs[maxIndex];
  return { maxLr, baseLr: maxLr / ratio, maxIndex, risesAt };
}

/** The accuracy curve Smith's rule reads: each point averaged with its neighbours within halfWindow (fewer at the ends). */
export function smoothAccuracy(values: ArrayLike<number>, halfWindow = 4): number[] {
  const out = new Array<number>(values.length);
  for (let i = 0; i < values.length; i++) {
    const from = Math.max(0, i - halfWindow);
    const to = Math.min(values.length - 1, i + halfWindow);
    let sum = 0;
    for (let j = from; j <= to; j++) sum += values[j];
    out[i] = sum / (to - from + 1);
  }
  return out;
}

/** Below this rise (in accuracy, 0–1) the accuracy curve has no knee worth showing. */
const MIN_ACCURACY_RISE = 0.02;

/** Smith's knee when the sweep shows one, else why it does not. */
export type AccuracyKnee = AccuracySuggestion | { reason: string };

/**
 * Smith's max LR from a range test's accuracy, offered only when the curve supports it: the
 * smoothed accuracy must rise clearly (by `MIN_ACCURACY_RISE`) and peak before the sweep ends
 * (a peak at the last step means the sweep stopped too low to see the knee).
 */
export function accuracyKnee(lrs: ArrayLike<number>, accuracies: ArrayLike<number>): AccuracyKnee {
  if (accuracies.length === 0) return { reason: 'no accuracy was recorded' };
  if (accuracies.length < 2) return { reason: 'needs at least two recorded steps' };
  const knee = suggestFromAccuracy(lrs, accuracies);
  const smoothed = smoothAccuracy(accuracies);
  const floor = Math.min(...smoothed.slice(0, knee.maxIndex + 1));
  if (smoothed[knee.maxIndex] - floor < MIN_ACCURACY_RISE) {
    return { reason: 'the accuracy never rose clearly during the sweep' };
  }
  if (knee.maxIndex === accuracies.length - 1) {
    return { reason: 'the accuracy was still rising at the end; sweep to a higher End LR' };
  }
  return knee;
}
