import { stepSizeAdvice } from '../../core';
import { formatCount } from '../format';
import { useAppStore } from '../store';
import { ASSUMED_TRAIN_SIZE, iterationsPerEpoch } from './epochInfo';

/** The paper's guidance for the step size, in iterations and epochs for the chosen data and batch size. */
export function StepSizeAdvice({ stepSize }: { stepSize: number }) {
  const dataset = useAppStore((state) => state.engine.dataset);
  const session = useAppStore((state) => state.session);
  // The engine reports the loaded set; until then, assume the chosen batch size on MNIST's split.
  const perEpoch =
    dataset && dataset.name === session.dataset
      ? iterationsPerEpoch(dataset.trainSize, session.batchSize)
      : iterationsPerEpoch(ASSUMED_TRAIN_SIZE, session.batchSize);
  const advice = stepSizeAdvice(perEpoch);
  const epochs = stepSize / perEpoch;
  return (
    <span className="advice">
      Paper: 2–10 epochs = {formatCount(advice.minIterations)}–{formatCount(advice.maxIterations)}{' '}
      iterations ({formatCount(perEpoch)} per epoch at batch {session.batchSize}). Now:{' '}
      {epochs < 10 ? epochs.toFixed(2) : epochs.toFixed(0)} epochs.
    </span>
  );
}
