/** How a range test smooths its losses and when it gives up (golden/README.md, smoothing). */
export type SmoothingRule =
  | {
      rule: 'fastai-debiased-ema';
      beta: number;
      /** false: the plain EMA, biased towards its start at 0 (Lightning's #14167); fastai divides by 1 − β^k. */
      debias?: boolean;
    }
  | { rule: 'pytorch-lr-finder'; smoothF: number };

/** fastai's default: debiased EMA with beta 0.98, stop at 4 × best. */
export const FASTAI_SMOOTHING: SmoothingRule = { rule: 'fastai-debiased-ema', beta: 0.98 };
/** pytorch-lr-finder's default: smooth_f 0.05 on the new loss, stop at 5 × best. */
export const LR_FINDER_SMOOTHING: SmoothingRule = { rule: 'pytorch-lr-finder', smoothF: 0.05 };

/** Smooths every loss (fastai's debiased EMA, or pytorch-lr-finder's smooth_f rule). */
export function smoothLosses(losses: ArrayLike<number>, rule: SmoothingRule): number[] {
  const smoothed = new Array<number>(losses.length);
  if (rule.rule === 'fastai-debiased-ema') {
    let avg = 0;
    let debias = 1;
    for (let k = 0; k < losses.length; k++) {
      avg = rule.beta * avg + (1 - rule.beta) * losses[k];
      debias *= rule.beta;
      smoothed[k] = rule.debias === false ? avg : avg / (1 - debias);
    }
    return smoothed;
  }
  for (let k = 0; k < losses.length; k++) {
    smoothed[k] =
      k === 0 ? losses[0] : rule.smoothF * losses[k] + (1 - rule.smoothF) * smoothed[k - 1];
  }
  return smoothed;
}

/** The divergence factor each library stops at (smoothed loss > factor × best). */
export function divergenceFactor(rule: SmoothingRule): number {
  return rule.rule === 'fastai-debiased-ema' ? 4 : 5;
}

/**
 * The last index a range test records before it stops for divergence (smoothed loss above
 * factor × best so far), or null when it never stops. A non-finite loss is not divergence
 * by this rule; the engine stops on it separately.
 */
export function divergenceStop(smoothed: ArrayLike<number>, factor: number): number | null {
  let best = Infinity;
  for (let k = 0; k < smoothed.length; k++) {
    if (smoothed[k] < best) best = smoothed[k];
    if (smoothed[k] > factor * best) return k;
  }
  return null;
}
