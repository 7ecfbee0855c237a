import type { StateCreator } from 'zustand';
import type { BackendName, SessionConfig } from '../../worker/contract';

/** Model presets a user picks by name; each is a set of the engine's model options. */
export const MODEL_PRESETS = {
  default: {
    label: 'Default CNN',
    model: { widthMultiplier: 1, batchNorm: true, dropoutRate: 0.25 },
  },
  small: {
    label: 'Small (half width)',
    model: { widthMultiplier: 0.5, batchNorm: true, dropoutRate: 0.25 },
  },
  noBatchNorm: {
    label: 'No batch norm',
    model: { widthMultiplier: 1, batchNorm: false, dropoutRate: 0.25 },
  },
  wide: {
    label: 'Wide (double width)',
    model: { widthMultiplier: 2, batchNorm: true, dropoutRate: 0.25 },
  },
} as const;
export type ModelPreset = keyof typeof MODEL_PRESETS;

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

function threadsFromUrl(): number | 'auto' {
  const value = Number(new URLSearchParams(globalThis.location?.search ?? '').get('threads'));
  return Number.isInteger(value) && value >= 1 && value <= 8 ? value : 'auto';
}

function backendFromUrl(): BackendName | 'auto' {
  const value = new URLSearchParams(globalThis.location?.search ?? '').get('backend');
  return value === 'webgpu' || value === 'webgl' || value === 'wasm' || value === 'cpu'
    ? value
    : 'auto';
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
  backendChoice: backendFromUrl(),
  wasmThreads: threadsFromUrl(),
  setSession: (change) => set((state) => ({ session: { ...state.session, ...change } })),
  setModelPreset: (preset) =>
    set((state) => ({
      modelPreset: preset,
      session: { ...state.session, model: { ...MODEL_PRESETS[preset].model } },
    })),
  setBackendChoice: (backendChoice) => set({ backendChoice }),
  setWasmThreads: (wasmThreads) => set({ wasmThreads }),
});
