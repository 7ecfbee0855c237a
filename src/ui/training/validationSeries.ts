import type { ValidationResult } from '../../worker/contract';
import type { XYSeries } from '../charts/seriesGeometry';

/** Validation accuracy by iteration (steps done when measured). */
export function validationSeries(validations: readonly ValidationResult[]): XYSeries {
  return {
    xs: validations.map((v) => v.iteration),
    ys: validations.map((v) => v.accuracy),
  };
}

/** Each cycle's best single-model validation accuracy (the first, when tied). */
export function bestPerCycle(validations: readonly ValidationResult[]): XYSeries {
  const best = new Map<number, ValidationResult>();
  for (const v of validations) {
    const current = best.get(v.cycleNum);
    if (!current || v.accuracy > current.accuracy) best.set(v.cycleNum, v);
  }
  return validationSeries([...best.values()]);
}

/** The snapshot ensemble's accuracy at each cycle end where it was measured. */
export function ensembleSeries(validations: readonly ValidationResult[]): XYSeries {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const v of validations) {
    if (v.ensembleAccuracy === null) continue;
    xs.push(v.iteration);
    ys.push(v.ensembleAccuracy);
  }
  return { xs, ys };
}

/** One line on where accuracy stands: the last validation, and the last ensemble beside it. */
export function accuracySummary(validations: readonly ValidationResult[]): string | null {
  const last = validations.at(-1);
  if (!last) return null;
  const parts = [`Validation ${(last.accuracy * 100).toFixed(1)}%`];
  for (let i = validations.length - 1; i >= 0; i--) {
    const { ensembleAccuracy } = validations[i];
    if (ensembleAccuracy === null) continue;
    parts.push(`ensemble ${(ensembleAccuracy * 100).toFixed(1)}%`);
    break;
  }
  return parts.join(' · ');
}
