import type { StateCreator } from 'zustand';
import type { QuarantinedRun } from '../runs/quarantine';
import type { RunRecord } from '../runs/runRecord';

export interface RunsSlice {
  runs: {
    /** Every kept run, in the order kept (the panel sorts: pinned first, newest first). */
    list: RunRecord[];
    /** Ids of runs held in memory only: storage refused them. They can still be exported. */
    unsaved: string[];
    /** Whether the stored runs have been read back since the page opened. */
    loaded: boolean;
    /** Why storage did not work, in words a user can act on; null when it did. */
    storageError: string | null;
    /** Stored runs that could not be read: set aside, listed by name, exportable, deletable. */
    quarantined: QuarantinedRun[];
    /** Which kept runs were taken off the charts after a chart crashed drawing them. */
    crashNote: string | null;
    /** The outcome of the last import, good or bad. */
    importNote: { ok: boolean; text: string } | null;
  };
  setRuns: (change: Partial<RunsSlice['runs']>) => void;
}

export const createRunsSlice: StateCreator<RunsSlice> = (set) => ({
  runs: {
    list: [],
    unsaved: [],
    loaded: false,
    storageError: null,
    quarantined: [],
    crashNote: null,
    importNote: null,
  },
  setRuns: (change) => set((state) => ({ runs: { ...state.runs, ...change } })),
});
