import { useEffect } from 'react';
import { formatCount } from '../format';
import { useAppStore } from '../store';
import { ASSUMED_TRAIN_SIZE, iterationsPerEpoch } from './epochInfo';

/**
 * One-cycle's Total steps against the run: it follows the run length until set by hand, and a
 * mismatch says what it does to the run (it stops mid-cycle, or sits at the final LR).
 */
export function TotalStepsAdvice() {
  const totalSteps = useAppStore((state) => state.draft.totalSteps);
  const auto = useAppStore((state) => state.autoTotalSteps);
  const setAutoTotalSteps = useAppStore((state) => state.setAutoTotalSteps);
  const runIterations = useAppStore((state) => {
    const { length } = state.training;
    if (length.unit === 'iterations') return length.value;
    if (length.unit === 'cycles') return null;
    const perEpoch =
      state.engine.dataset?.iterationsPerEpoch ??
      iterationsPerEpoch(ASSUMED_TRAIN_SIZE, state.session.batchSize);
    return Math.round(length.value * perEpoch);
  });
  const follows = totalSteps === auto;
  const idle = useAppStore(
    (state) => state.training.status !== 'running' && state.training.status !== 'paused',
  );

  useEffect(() => {
    if (
      idle &&
      follows &&
      runIterations !== null &&
      runIterations >= 2 &&
      totalSteps !== runIterations
    ) {
      setAutoTotalSteps(runIterations);
    }
  }, [idle, follows, runIterations, totalSteps, setAutoTotalSteps]);

  if (runIterations === null || totalSteps === runIterations) return null;
  const effect =
    totalSteps > runIterations
      ? 'the run stops before the cycle ends'
      : 'the run stays at the final LR after it';
  return (
    <span className="advice advice-mismatch">
      Set by hand: the run lasts {formatCount(runIterations)} iterations, so {effect}.{' '}
      <button
        type="button"
        className="link-button"
        onClick={() => setAutoTotalSteps(runIterations)}
      >
        Follow the run
      </button>
    </span>
  );
}
