import { useLayoutEffect, type RefObject } from 'react';
import { usePlotArea } from 'recharts';

/** The plot's box in pixels inside the chart. */
export interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Hands the chart's plot area to code outside the chart (pointer handlers around it). */
export function PlotAreaProbe({ areaRef }: { areaRef: RefObject<PlotBox | null> }) {
  const area = usePlotArea();
  useLayoutEffect(() => {
    areaRef.current = area ?? null;
  }, [area, areaRef]);
  return null;
}
