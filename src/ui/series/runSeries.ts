import type { RangeTestProgress, TrainProgress, ValidationResult } from '../../worker/contract';
import { SeriesBuffer } from './SeriesBuffer';

/** The range test's full per-step record (never downsampled; charts downsample on draw). */
export const rangeTestSeries = {
  lr: new SeriesBuffer(),
  loss: new SeriesBuffer(),
  accuracy: new SeriesBuffer(),
  heldOutLoss: new SeriesBuffer(),
  heldOutAccuracy: new SeriesBuffer(),
};

/** The current training run's full per-step record, plus every validation. */
export const trainingSeries = {
  lr: new SeriesBuffer(),
  momentum: new SeriesBuffer(),
  /** Prodigy only: the step size each step took, lr·d. */
  effectiveLr: new SeriesBuffer(),
  loss: new SeriesBuffer(),
  accuracy: new SeriesBuffer(),
  validations: [] as ValidationResult[],
};

export function clearRangeTestSeries(): void {
  for (const buffer of Object.values(rangeTestSeries)) buffer.clear();
}

export function clearTrainingSeries(): void {
  trainingSeries.lr.clear();
  trainingSeries.momentum.clear();
  trainingSeries.effectiveLr.clear();
  trainingSeries.loss.clear();
  trainingSeries.accuracy.clear();
  trainingSeries.validations = [];
}

export function appendRangeTest(event: RangeTestProgress): void {
  rangeTestSeries.lr.writeAt(event.fromIdx, event.lr);
  rangeTestSeries.loss.writeAt(event.fromIdx, event.loss);
  rangeTestSeries.accuracy.writeAt(event.fromIdx, event.accuracy);
  if (event.heldOutLoss) rangeTestSeries.heldOutLoss.writeAt(event.fromIdx, event.heldOutLoss);
  if (event.heldOutAccuracy)
    rangeTestSeries.heldOutAccuracy.writeAt(event.fromIdx, event.heldOutAccuracy);
}

export function appendTraining(event: TrainProgress): void {
  trainingSeries.lr.writeAt(event.fromIdx, event.lr);
  if (event.momentum) trainingSeries.momentum.writeAt(event.fromIdx, event.momentum);
  if (event.effectiveLr) trainingSeries.effectiveLr.writeAt(event.fromIdx, event.effectiveLr);
  trainingSeries.loss.writeAt(event.fromIdx, event.loss);
  trainingSeries.accuracy.writeAt(event.fromIdx, event.accuracy);
}
