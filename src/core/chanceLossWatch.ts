/**
 * Divergence that stays finite. With batch norm a much too high LR need not overflow: PyTorch
 * 1.13 trains this model on MNIST at a fixed LR of 10 for 300 steps with losses of 3–8 and
 * never a NaN. What such a run shows is a loss above that of guessing at random, ln(classes).
 * This watch smooths the losses as the loss chart does (debiased EMA, beta 0.98) and reports
 * the first step from which the smoothed loss stayed above `factor` × ln(classes) for
 * `patience` steps in a row. A run whose LR is merely too low sits at ln(classes) and is not
 * reported: 1.25 × ln(10) is 2.88, well above the 2.30 of an untrained model.
 */

export interface AboveChance {
  /** The first step (0-based) of the streak above the bar. */
  since: number;
  /** The smoothed loss at the step that confirmed it. */
  smoothedLoss: number;
  /** ln(classes): the loss of a uniform guess. */
  chanceLoss: number;
  /** The bar the smoothed loss stayed above: factor × chanceLoss. */
  bar: number;
}

export interface ChanceWatchOptions {
  factor: number;
  patience: number;
  beta: number;
}

const DEFAULTS: ChanceWatchOptions = { factor: 1.25, patience: 50, beta: 0.98 };

export class ChanceLossWatch {
  private readonly options: ChanceWatchOptions;
  private readonly chanceLoss: number;
  private average = 0;
  private count = 0;
  private streakStart: number | null = null;
  private found: AboveChance | null = null;

  constructor(numClasses: number, options: Partial<ChanceWatchOptions> = {}) {
    if (!Number.isInteger(numClasses) || numClasses < 2) {
      throw new Error(`numClasses must be an integer of at least 2, got ${numClasses}`);
    }
    this.options = { ...DEFAULTS, ...options };
    this.chanceLoss = Math.log(numClasses);
  }

  /** What has been found so far, or null. */
  get result(): AboveChance | null {
    return this.found;
  }

  /**
   * Feeds the losses of steps `fromIdx`, `fromIdx + 1`, …; steps already fed are skipped, so
   * overlapping batches are harmless. Non-finite losses are left to the engine, which stops
   * on them. Returns what has been found so far.
   */
  feed(fromIdx: number, losses: ArrayLike<number>): AboveChance | null {
    const { beta, factor, patience } = this.options;
    const bar = factor * this.chanceLoss;
    for (let i = Math.max(0, this.count - fromIdx); i < losses.length && !this.found; i++) {
      const step = fromIdx + i;
      if (step !== this.count) break;
      this.count++;
      const loss = losses[i];
      if (!Number.isFinite(loss)) continue;
      this.average = beta * this.average + (1 - beta) * loss;
      const smoothed = this.average / (1 - beta ** this.count);
      if (smoothed <= bar) {
        this.streakStart = null;
        continue;
      }
      this.streakStart ??= step;
      if (step - this.streakStart + 1 >= patience) {
        this.found = {
          since: this.streakStart,
          smoothedLoss: smoothed,
          chanceLoss: this.chanceLoss,
          bar,
        };
      }
    }
    return this.found;
  }
}
