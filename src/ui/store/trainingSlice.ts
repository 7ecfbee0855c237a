import type { StateCreator } from 'zustand';
import type { AboveChance, ScheduleChange } from '../../core';
import type {
  RunLength,
  TestResult,
  TrainStopReason,
  ValidationResult,
} from '../../worker/contract';
import { SNAPSHOT_COUNTS } from '../sessionChoices';
import type { TrainingRanWith } from './runStart';

export type TrainingStatus = 'idle' | 'running' | 'paused' | 'ended';

export interface TrainingSlice {
  training: {
    status: TrainingStatus;
    length: RunLength;
    /** Snapshots the ensemble keeps, one per cycle end, oldest dropped first. */
    maxSnapshots: number;
    /** What the current (or last) run started with; the forms may have moved on since. */
    ranWith: TrainingRanWith | null;
    /** Schedule changes the engine applied during this run, oldest first (ranWith has the first spec). */
    scheduleChanges: ScheduleChange[];
    /** Steps recorded so far in this run (one step: one batch, one update). */
    numIterationsDone: number;
    /** Steps the engine planned for this run; 0 until its first progress. */
    numIterationsPlanned: number;
    epochIdx: number;
    samplesPerSec: number;
    lastValidation: ValidationResult | null;
    test: TestResult | null;
    endReason: TrainStopReason | null;
    message: string | null;
    /** Set once the smoothed loss has stayed well above chance: diverged, though finite. */
    aboveChance: AboveChance | null;
  };
  /** Bumped when new series data arrives; charts redraw on it. */
  seriesVersion: number;
  setTraining: (change: Partial<TrainingSlice['training']>) => void;
  bumpSeries: () => void;
}

export const createTrainingSlice: StateCreator<TrainingSlice> = (set) => ({
  training: {
    status: 'idle',
    length: { unit: 'epochs', value: 1 },
    maxSnapshots: SNAPSHOT_COUNTS.default,
    ranWith: null,
    scheduleChanges: [],
    numIterationsDone: 0,
    numIterationsPlanned: 0,
    epochIdx: 0,
    samplesPerSec: 0,
    lastValidation: null,
    test: null,
    endReason: null,
    message: null,
    aboveChance: null,
  },
  seriesVersion: 0,
  setTraining: (change) => set((state) => ({ training: { ...state.training, ...change } })),
  bumpSeries: () => set((state) => ({ seriesVersion: state.seriesVersion + 1 })),
});
