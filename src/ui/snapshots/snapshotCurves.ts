import type { ValidationResult } from '../../worker/contract';

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

/** Chart rows, one per m: `{ m, cycle3: 0.981, cycle4: 0.984, … }` for the given cycle ends. */
export function curveRows(ends: readonly CycleEndEnsembles[]): Record<string, number>[] {
  const numM = Math.max(0, ...ends.map((end) => end.byM.length));
  return Array.from({ length: numM }, (_, i) => {
    const row: Record<string, number> = { m: i + 1 };
    for (const end of ends) if (i < end.byM.length) row[curveKey(end)] = end.byM[i];
    return row;
  });
}

/** The data key of a cycle end's curve. */
export function curveKey(end: CycleEndEnsembles): string {
  return `cycle${end.cycleNum}`;
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
