import { stepSizeAdvice } from '../../core';
import { formatCount } from '../format';
import { ASSUMED_BATCH_SIZE, ASSUMED_TRAIN_SIZE, iterationsPerEpoch } from './epochInfo';

/** The paper's guidance for the step size, in iterations and epochs for the current data. */
export function StepSizeAdvice({ stepSize }: { stepSize: number }) {
  const perEpoch = iterationsPerEpoch(ASSUMED_TRAIN_SIZE, ASSUMED_BATCH_SIZE);
  const advice = stepSizeAdvice(perEpoch);
  const epochs = stepSize / perEpoch;
  return (
    <span className="advice">
      Paper: 2–10 epochs = {formatCount(advice.minIterations)}–{formatCount(advice.maxIterations)}{' '}
      iterations (MNIST, batch {ASSUMED_BATCH_SIZE}: {formatCount(perEpoch)} per epoch). Now:{' '}
      {epochs < 10 ? epochs.toFixed(2) : epochs.toFixed(0)} epochs.
    </span>
  );
}
