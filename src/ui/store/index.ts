import { create } from 'zustand';
import { createScheduleSlice, type ScheduleSlice } from './scheduleSlice';

/** The UI's state: one store merged from slices, one per concern. */
export type AppState = ScheduleSlice;

export const useAppStore = create<AppState>()((...args) => ({
  ...createScheduleSlice(...args),
}));
