import type { StateCreator } from 'zustand';
import type { RangeTestConfig, RangeTestEnd } from '../../worker/contract';

export interface RangeTestSlice {
  rangeTest: {
    config: RangeTestConfig;
    status: 'idle' | 'running' | 'done';
    end: RangeTestEnd | null;
    /** Debiased-EMA beta for the smoothed curve; re-smoothing uses the kept raw losses. */
    smoothing: number;
    /** base_lr = max_lr / ratio when Max LR is set from the chart (Smith: 3–4; here 3–6). */
    ratio: number;
    /**
     * The sweep the recorded test ran with, set as it starts, so settings edited afterwards
     * do not move its picks (fastai trims numIt // 10). Null before any test.
     */
    ranWith: RangeTestConfig | null;
  };
  setRangeTest: (change: Partial<RangeTestSlice['rangeTest']>) => void;
  setRangeTestConfig: (change: Partial<RangeTestConfig>) => void;
}

export const createRangeTestSlice: StateCreator<RangeTestSlice> = (set) => ({
  rangeTest: {
    config: {
      startLr: 1e-5,
      endLr: 10,
      numIter: 100,
      mode: 'exp',
      divergeFactor: 4,
      heldOutBatch: false,
    },
    status: 'idle',
    end: null,
    smoothing: 0.98,
    ratio: 4,
    ranWith: null,
  },
  setRangeTest: (change) => set((state) => ({ rangeTest: { ...state.rangeTest, ...change } })),
  setRangeTestConfig: (change) =>
    set((state) => ({
      rangeTest: { ...state.rangeTest, config: { ...state.rangeTest.config, ...change } },
    })),
});
