import type { StateCreator } from 'zustand';
import type { LinkRejection } from '../share/linkRejection';

export interface ShareSlice {
  share: {
    /** Classroom mode: the charts fill the page (also `?controls=hidden`). */
    controlsHidden: boolean;
    /** The parts of the opened link that were not used, and why. */
    linkRejections: LinkRejection[];
  };
  setShare: (change: Partial<ShareSlice['share']>) => void;
}

export const createShareSlice: StateCreator<ShareSlice> = (set) => ({
  share: { controlsHidden: false, linkRejections: [] },
  setShare: (change) => set((state) => ({ share: { ...state.share, ...change } })),
});
