import type { DatasetInfo } from '../../worker/contract';
import type { RaceLegStatus } from '../store/raceSlice';

/** A validation as the race table reads it. */
export interface ValidationPoint {
  /** Steps completed when measured. */
  iteration: number;
  /** Fraction, 0–1. */
  accuracy: number;
}

/** One row of the race table (accuracies as fractions; null where nothing was measured). */
export interface LegSummary {
  /** Steps until the first validation at or above the target; null when never reached. */
  iterationsToTarget: number | null;
  best: number | null;
  final: number | null;
}

/** Default targets (percent): the CLR paper's kind of bar on MNIST, reachable ones elsewhere. */
const DEFAULT_TARGETS: Record<string, number> = {
  mnist: 98.5,
  'fashion-mnist': 88,
  synthetic: 95,
};

/** The target validation accuracy (percent) a race on this dataset is judged by, unless set. */
export function defaultTargetPercent(dataset: DatasetInfo['name'] | undefined): number {
  return DEFAULT_TARGETS[dataset ?? 'mnist'] ?? 90;
}

/** Iterations to reach `target` (a fraction), best and final validation accuracy of one leg. */
export function summarizeLeg(validations: readonly ValidationPoint[], target: number): LegSummary {
  if (validations.length === 0) return { iterationsToTarget: null, best: null, final: null };
  const reached = validations.find((v) => v.accuracy >= target);
  return {
    iterationsToTarget: reached ? reached.iteration : null,
    best: Math.max(...validations.map((v) => v.accuracy)),
    final: validations[validations.length - 1].accuracy,
  };
}

/**
 * The winning row of each column: fewest iterations to the target and highest best and final
 * accuracy (ties all win); null for a column no leg has a number in.
 */
export function raceWinners(rows: readonly LegSummary[]): {
  iterationsToTarget: number | null;
  best: number | null;
  final: number | null;
} {
  const extreme = (values: (number | null)[], pick: (a: number, b: number) => number) => {
    const present = values.filter((v): v is number => v !== null);
    return present.length === 0 ? null : present.reduce((a, b) => pick(a, b));
  };
  return {
    iterationsToTarget: extreme(
      rows.map((r) => r.iterationsToTarget),
      Math.min,
    ),
    best: extreme(
      rows.map((r) => r.best),
      Math.max,
    ),
    final: extreme(
      rows.map((r) => r.final),
      Math.max,
    ),
  };
}

const STATUS_TEXT: Record<RaceLegStatus, string> = {
  waiting: 'waiting',
  rangeTest: 'range test…',
  training: 'training…',
  done: 'done',
  diverged: 'diverged',
  cancelled: 'cancelled',
  failed: 'failed',
};

/**
 * The Status column: how a leg ended, in words. A leg that ran to the end without its best
 * accuracy ever reaching twice chance (20% with ten classes) "never learned": its LR was too
 * small or too large to train, though its loss stayed finite.
 */
export function legStatusText(
  status: RaceLegStatus,
  summary: LegSummary,
  context: { raceRunning: boolean; numClasses: number },
): string {
  if (status === 'waiting' && !context.raceRunning) return 'not run';
  if (status !== 'done') return STATUS_TEXT[status];
  if (summary.best !== null && summary.best <= 2 / context.numClasses) return 'never learned';
  return summary.iterationsToTarget === null ? 'done, target not reached' : 'done';
}

/** The last validation's loss, or null for a leg that never validated. */
export function finalLoss(validations: readonly { loss: number }[]): number | null {
  return validations.length === 0 ? null : validations[validations.length - 1].loss;
}

/**
 * The suggestion race's order: highest final validation accuracy first, a tie broken by the
 * lower final validation loss (a non-finite loss counts as the worst); legs that never
 * validated come last, in their order. Returns the legs' indices, best first.
 */
export function rankByFinal(
  legs: readonly (readonly { accuracy: number; loss: number }[])[],
): number[] {
  const key = (legIdx: number) => {
    const last = legs[legIdx].at(-1);
    return {
      accuracy: last && Number.isFinite(last.accuracy) ? last.accuracy : -Infinity,
      loss: last && Number.isFinite(last.loss) ? last.loss : Infinity,
    };
  };
  return legs
    .map((_, legIdx) => legIdx)
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      if (ka.accuracy !== kb.accuracy) return kb.accuracy - ka.accuracy;
      if (ka.loss !== kb.loss) return ka.loss < kb.loss ? -1 : 1;
      return a - b;
    });
}
