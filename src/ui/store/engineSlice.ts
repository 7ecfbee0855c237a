import type { StateCreator } from 'zustand';
import type { BackendReport, DatasetInfo } from '../../worker/contract';
import type { EngineClient } from '../engineClient/engineClient';

export type EngineStatus = 'starting' | 'ready' | 'crashed' | 'failed';

export interface EngineSlice {
  engine: {
    status: EngineStatus;
    backend: BackendReport | null;
    dataset: DatasetInfo | null;
    /** What went wrong, in words a user can act on; null when all is well. */
    error: string | null;
  };
  /** The worker's facade, made when the engine first starts; null before. */
  engineClient: EngineClient | null;
  setEngine: (change: Partial<EngineSlice['engine']>) => void;
  setEngineClient: (client: EngineClient) => void;
}

export const createEngineSlice: StateCreator<EngineSlice> = (set) => ({
  engine: { status: 'starting', backend: null, dataset: null, error: null },
  engineClient: null,
  setEngine: (change) => set((state) => ({ engine: { ...state.engine, ...change } })),
  setEngineClient: (engineClient) => set({ engineClient }),
});
