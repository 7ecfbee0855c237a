import { create } from 'zustand';
import { createEngineSlice, type EngineSlice } from './engineSlice';
import { createRangeTestSlice, type RangeTestSlice } from './rangeTestSlice';
import { createScheduleSlice, type ScheduleSlice } from './scheduleSlice';
import { createSessionSlice, type SessionSlice } from './sessionSlice';
import { createTrainingSlice, type TrainingSlice } from './trainingSlice';

/** The UI's state: one store merged from slices, one per concern. */
export type AppState = ScheduleSlice & SessionSlice & EngineSlice & RangeTestSlice & TrainingSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createScheduleSlice(...args),
  ...createSessionSlice(...args),
  ...createEngineSlice(...args),
  ...createRangeTestSlice(...args),
  ...createTrainingSlice(...args),
}));
