import type { StateCreator } from 'zustand';
import type { ScheduleHistory } from '../../core/codeExport';
import type { LinkRejection } from '../share/linkRejection';

export interface ShareSlice {
  share: {
    /** Classroom mode: the charts fill the page (also `?controls=hidden`). */
    controlsHidden: boolean;
    /** The parts of the opened link that were not used, and why. */
    linkRejections: LinkRejection[];
    /**
     * The opened link's run: the schedule it started with and the changes made as it trained,
     * replayed by Train while the form holds that starting schedule.
     */
    replay: ScheduleHistory | null;
  };
  setShare: (change: Partial<ShareSlice['share']>) => void;
}

export const createShareSlice: StateCreator<ShareSlice> = (set) => ({
  share: { controlsHidden: false, linkRejections: [], replay: null },
  setShare: (change) => set((state) => ({ share: { ...state.share, ...change } })),
});
