import type { StateCreator } from 'zustand';

/** The views of the charts column. */
export const CHART_TABS = ['train', 'race', 'code'] as const;
export type ChartTab = (typeof CHART_TABS)[number];

export interface LayoutSlice {
  /** Which view the charts column shows. */
  chartTab: ChartTab;
  setChartTab: (tab: ChartTab) => void;
}

export const createLayoutSlice: StateCreator<LayoutSlice> = (set) => ({
  chartTab: 'train',
  setChartTab: (chartTab) => set({ chartTab }),
});
