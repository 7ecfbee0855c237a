import type { ValidationResult } from '../../worker/contract';
import type { XYSeries } from '../charts/seriesGeometry';

/** One cycle end: its single model and its ensembles of the newest m snapshots. */
export interface CycleEndEnsembles {
  cycleNum: number;
  iteration: number;
  /** The cycle's model alone (the ensemble of m = 1). */
  single: number;
  /** Index m - 1: accuracy of the newest m snapshots averaged. */
  byM: readonly number[];
}

/** The cycle ends of a run that took snapshots, oldest first. */
export function cycleEndEnsembles(validations: readonly ValidationResult[]): CycleEndEnsembles[] {
  return validations
    .filter((v) => v.isCycleEnd && v.ensembleByM.length > 0)
    .map((v) => ({
      cycleNum: v.cycleNum,
      iteration: v.iteration,
      single: v.accuracy,
      byM: v.ensembleByM,
    }));
}

/** A cycle end's curve: ensemble accuracy against m, the number of newest snapshots averaged. */
export function curveSeries(end: CycleEndEnsembles): XYSeries {
  return { xs: end.byM.map((_, i) => i + 1), ys: end.byM };
}

/** The largest ensemble of a cycle end and what it gains over the single model. */
export function ensembleGain(end: CycleEndEnsembles): {
  size: number;
  accuracy: number;
  gain: number;
} {
  const size = end.byM.length;
  const accuracy = end.byM[size - 1];
  return { size, accuracy, gain: accuracy - end.single };
}
