import type { StateCreator } from 'zustand';
import type { BackendName, SessionConfig } from '../../worker/contract';
import { MODEL_PRESETS, type ModelPreset } from '../sessionChoices';

export interface SessionSlice {
  session: SessionConfig;
  modelPreset: ModelPreset;
  /** 'auto': the fastest backend that trains; otherwise forced (also `?backend=` in the URL). */
  backendChoice: BackendName | 'auto';
  /** WASM threads: 'auto' is one per logical core (also `?threads=` in the URL). */
  wasmThreads: number | 'auto';
  setSession: (change: Partial<SessionConfig>) => void;
  setModelPreset: (preset: ModelPreset) => void;
  setBackendChoice: (choice: BackendName | 'auto') => void;
  setWasmThreads: (threads: number | 'auto') => void;
}

export const createSessionSlice: StateCreator<SessionSlice> = (set) => ({
  session: {
    dataset: 'mnist',
    model: { ...MODEL_PRESETS.default.model },
    optimizer: 'sgdMomentum',
    batchSize: 64,
    seed: 1,
    augment: false,
  },
  modelPreset: 'default',
  backendChoice: 'auto',
  wasmThreads: 'auto',
  // Another optimizer starts from its own defaults unless options come with it.
  setSession: (change) =>
    set((state) => ({
      session: {
        ...state.session,
        ...(change.optimizer !== undefined && change.optimizer !== state.session.optimizer
          ? { optimizerOptions: undefined }
          : {}),
        ...change,
      },
    })),
  setModelPreset: (preset) =>
    set((state) => ({
      modelPreset: preset,
      session: { ...state.session, model: { ...MODEL_PRESETS[preset].model } },
    })),
  setBackendChoice: (backendChoice) => set({ backendChoice }),
  setWasmThreads: (wasmThreads) => set({ wasmThreads }),
});
