import { memo } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import type { PixelScale } from '../charts/seriesGeometry';

/** A solid line at each step where a schedule changed mid-run took over, with a small flag. */
export const ScheduleChangeMarks = memo(function ScheduleChangeMarks({
  iterations,
  color,
}: {
  iterations: readonly number[];
  color: string;
}) {
  const xScale = useXAxisScale() as PixelScale | undefined;
  const plot = usePlotArea();
  if (!xScale || !plot || iterations.length === 0) return null;
  let d = '';
  for (const k of iterations) {
    const x = xScale(k);
    if (x !== undefined)
      d += `M${x.toFixed(1)},${plot.y}v${plot.height}m0,${-plot.height}l6,3l-6,3`;
  }
  return <path className="schedule-changes" d={d} stroke={color} fill={color} strokeWidth={1.5} />;
});
