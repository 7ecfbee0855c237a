import type { StateCreator } from 'zustand';
import { DEFAULT_RANGE_TEST, type SuggestChoices } from '../../core';
import type { RecordedRangeTest } from '../series/rangeTestSnapshot';
import type { RangeTestConfig, RangeTestEnd } from '../../worker/contract';
import type { RangeTestRanWith } from './runStart';

export interface RangeTestSlice {
  rangeTest: {
    config: RangeTestConfig;
    status: 'idle' | 'running' | 'done';
    /**
     * What the current (or last) test started with, set as it starts, so settings edited
     * afterwards do not move its picks (fastai trims numIt // 10); null until one starts.
     */
    ranWith: RangeTestRanWith | null;
    end: RangeTestEnd | null;
    /** Debiased-EMA beta for the smoothed curve; re-smoothing uses the kept raw losses. */
    smoothing: number;
    /** The finished sweeps of a repeated test, in order (a stopped one left out). */
    repeats: RecordedRangeTest[];
    /** One repeat drawn on its own, or null for the median and band of all. */
    shownRepeatIdx: number | null;
    /** The numerical choices behind the suggestions (the Analysis section); {} = each library's own. */
    choices: SuggestChoices;
    /** base_lr = max_lr / ratio when Max LR is set from the chart (Smith: 3–4; here 3–6). */
    ratio: number;
  };
  setRangeTest: (change: Partial<RangeTestSlice['rangeTest']>) => void;
  setRangeTestConfig: (change: Partial<RangeTestConfig>) => void;
}

export const createRangeTestSlice: StateCreator<RangeTestSlice> = (set) => ({
  rangeTest: {
    config: { ...DEFAULT_RANGE_TEST },
    status: 'idle',
    ranWith: null,
    end: null,
    smoothing: 0.98,
    repeats: [],
    shownRepeatIdx: null,
    choices: {},
    ratio: 4,
  },
  setRangeTest: (change) => set((state) => ({ rangeTest: { ...state.rangeTest, ...change } })),
  setRangeTestConfig: (change) =>
    set((state) => ({
      rangeTest: { ...state.rangeTest, config: { ...state.rangeTest.config, ...change } },
    })),
});
