import { useMemo, type ReactElement } from 'react';
import type { ScheduleChange, ScheduleSpec } from '../../core';
import { ASSUMED_TRAIN_SIZE, iterationsPerEpoch } from '../schedule/epochInfo';
import { longestShownTraining } from '../runs/runOverlays';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { epochTickEvery, epochTicks } from '../charts/axisTicks';
import { iterationAxis } from '../charts/chartAxes';
import type { XYSeries } from '../charts/seriesGeometry';
import { cycleBoundaries, plannedIterations, previewSeries } from './trainingChartData';

const NO_CHANGES: readonly ScheduleChange[] = [];

/** What every training chart shares: the schedule, the iteration axis and the cycle boundaries. */
export interface TrainingView {
  /** Bumped when new series data arrived: the memo key for everything read from the series. */
  seriesVersion: number;
  /** Steps recorded so far. */
  recorded: number;
  /** The x axis ends here: the planned run length, or what was recorded when that is more. */
  numIterations: number;
  /** The shared iteration axis, one element while it stays the same (so it is not redrawn). */
  xAxis: ReactElement;
  /** Steps where a new cycle begins (empty when the schedule does not cycle or has too many). */
  boundaries: number[];
  /** Steps from which a schedule changed during the run took over (marked on the LR chart). */
  changeIterations: number[];
  /**
   * The planned LR over the axis, and momentum when the schedule cycles it: before a run the
   * form's schedule, during one the schedule as it now stands (its changes included).
   */
  preview: { lr: XYSeries; momentum: XYSeries | null };
}

/** The shared view of the current (or planned) run, recomputed only when its inputs change. */
export function useTrainingView(): TrainingView {
  const seriesVersion = useAppStore((state) => state.seriesVersion);
  const idle = useAppStore((state) => state.training.status === 'idle');
  const runSpec = useAppStore((state) => state.training.ranWith?.schedule ?? null);
  const formSpec = useAppStore((state) => state.lastValidSpec);
  // Before a run: the form's schedule; from Train on: the schedule that run trains with.
  const spec: ScheduleSpec = idle ? formSpec : (runSpec ?? formSpec);
  const changes = useAppStore((state) => (idle ? NO_CHANGES : state.training.scheduleChanges));
  const length = useAppStore((state) => state.training.length);
  const totalIterations = useAppStore((state) => state.training.numIterationsPlanned);
  const perEpoch = useAppStore(
    (state) =>
      state.engine.dataset?.iterationsPerEpoch ??
      iterationsPerEpoch(ASSUMED_TRAIN_SIZE, state.session.batchSize),
  );
  const planned = useMemo(
    () =>
      !idle && totalIterations > 0 ? totalIterations : plannedIterations(spec, length, perEpoch),
    [idle, totalIterations, spec, length, perEpoch],
  );
  // Re-read on every series bump (this hook subscribes to it): a plain number, no copy.
  const recorded = trainingSeries.lr.length;
  const longestKept = useAppStore((state) => longestShownTraining(state.runs.list));
  const numIterations = Math.max(2, planned, recorded, longestKept);
  const boundaries = useMemo(
    () => cycleBoundaries(spec, numIterations, undefined, changes),
    [spec, numIterations, changes],
  );
  const preview = useMemo(
    () => previewSeries(spec, numIterations, undefined, changes),
    [spec, numIterations, changes],
  );
  const changeIterations = useMemo(() => changes.map((change) => change.iteration), [changes]);
  const xAxis = useMemo(() => {
    const ticks = epochTicks(numIterations, perEpoch);
    const every = ticks ? epochTickEvery(numIterations, perEpoch) : 0;
    const label = !ticks
      ? 'Iteration'
      : `Iteration (ticks every ${every === 1 ? 'epoch' : `${every} epochs`})`;
    return iterationAxis(numIterations, ticks, label);
  }, [numIterations, perEpoch]);
  return { seriesVersion, recorded, numIterations, xAxis, boundaries, changeIterations, preview };
}
