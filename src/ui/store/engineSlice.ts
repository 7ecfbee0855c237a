import type { StateCreator } from 'zustand';
import type { BackendReport, DatasetInfo } from '../../worker/contract';

export type EngineStatus = 'starting' | 'ready' | 'crashed' | 'failed';

export interface EngineSlice {
  engine: {
    status: EngineStatus;
    backend: BackendReport | null;
    dataset: DatasetInfo | null;
    /** What went wrong, in words a user can act on; null when all is well. */
    error: string | null;
  };
  setEngine: (change: Partial<EngineSlice['engine']>) => void;
}

export const createEngineSlice: StateCreator<EngineSlice> = (set) => ({
  engine: { status: 'starting', backend: null, dataset: null, error: null },
  setEngine: (change) => set((state) => ({ engine: { ...state.engine, ...change } })),
});
