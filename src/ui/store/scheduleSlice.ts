import type { StateCreator } from 'zustand';
import type { ScheduleSpec } from '../../core';
import { DEFAULT_DRAFT, draftToSpec, type ScheduleDraft } from '../schedule/scheduleDraft';

export interface ScheduleSlice {
  draft: ScheduleDraft;
  /** The last draft that parsed: charts keep showing it while the form holds an error. */
  lastValidSpec: ScheduleSpec;
  logY: boolean;
  /**
   * The Total steps one-cycle was last given from the run length (the default until then):
   * while the draft still holds it, Total steps follows the run; any other value was set by hand.
   */
  autoTotalSteps: number;
  setAutoTotalSteps: (totalSteps: number) => void;
  updateDraft: (change: Partial<ScheduleDraft>) => void;
  setLogY: (logY: boolean) => void;
}

function validSpecOr(draft: ScheduleDraft, fallback: ScheduleSpec): ScheduleSpec {
  const result = draftToSpec(draft);
  return result.ok ? result.spec : fallback;
}

const initialSpec = draftToSpec(DEFAULT_DRAFT);
if (!initialSpec.ok) throw initialSpec.error;

export const createScheduleSlice: StateCreator<ScheduleSlice> = (set) => ({
  draft: DEFAULT_DRAFT,
  lastValidSpec: initialSpec.spec,
  logY: false,
  autoTotalSteps: DEFAULT_DRAFT.totalSteps,
  setAutoTotalSteps: (totalSteps) =>
    set((state) => {
      const draft = { ...state.draft, totalSteps };
      return {
        autoTotalSteps: totalSteps,
        draft,
        lastValidSpec: validSpecOr(draft, state.lastValidSpec),
      };
    }),
  updateDraft: (change) =>
    set((state) => {
      const draft = { ...state.draft, ...change };
      return { draft, lastValidSpec: validSpecOr(draft, state.lastValidSpec) };
    }),
  setLogY: (logY) => set({ logY }),
});
