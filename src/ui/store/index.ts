import { create } from 'zustand';
import { createDatasetsSlice, type DatasetsSlice } from './datasetsSlice';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createLayoutSlice, type LayoutSlice } from './layoutSlice';
import { createRaceSlice, type RaceSlice } from './raceSlice';
import { createRangeTestSlice, type RangeTestSlice } from './rangeTestSlice';
import { createRunsSlice, type RunsSlice } from './runsSlice';
import { createScheduleSlice, type ScheduleSlice } from './scheduleSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createShareSlice, type ShareSlice } from './shareSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';

/** The UI's state: one store merged from slices, one per concern. */
export type AppState = ScheduleSlice &
  SessionSlice &
  EngineSlice &
  RangeTestSlice &
  TrainingSlice &
  ShareSlice &
  RunsSlice &
  RaceSlice &
  LayoutSlice &
  DatasetsSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createScheduleSlice(...args),
  ...createSessionSlice(...args),
  ...createEngineSlice(...args),
  ...createRangeTestSlice(...args),
  ...createTrainingSlice(...args),
  ...createShareSlice(...args),
  ...createRunsSlice(...args),
  ...createRaceSlice(...args),
  ...createLayoutSlice(...args),
  ...createDatasetsSlice(...args),
}));
