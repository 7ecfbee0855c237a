import type { StateCreator } from 'zustand';
import type { ScheduleSpec } from '../../core';
import { DEFAULT_DRAFT, draftToSpec, type ScheduleDraft } from '../schedule/scheduleDraft';

export interface ScheduleSlice {
  draft: ScheduleDraft;
  /** The last draft that parsed: charts keep showing it while the form holds an error. */
  lastValidSpec: ScheduleSpec;
  previewSteps: number;
  logY: boolean;
  updateDraft: (change: Partial<ScheduleDraft>) => void;
  setPreviewSteps: (steps: number) => void;
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
  previewSteps: 2580,
  logY: false,
  updateDraft: (change) =>
    set((state) => {
      const draft = { ...state.draft, ...change };
      return { draft, lastValidSpec: validSpecOr(draft, state.lastValidSpec) };
    }),
  setPreviewSteps: (previewSteps) => set({ previewSteps }),
  setLogY: (logY) => set({ logY }),
});
