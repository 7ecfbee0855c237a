import { useXAxisScale, useYAxisScale } from 'recharts';
import { PlotClip } from '../training/PlotClip';
import { linePath, type PixelScale } from '../training/trainingChartData';
import type { RangeTestOverlay } from './runOverlays';

/** Kept range tests' smoothed losses, drawn on the range-test chart's LR and loss axes. */
export function RangeTestOverlayPaths({ overlays }: { overlays: readonly RangeTestOverlay[] }) {
  const x = useXAxisScale() as PixelScale | undefined;
  const y = useYAxisScale('loss') as PixelScale | undefined;
  if (!x || !y || overlays.length === 0) return null;
  return (
    <PlotClip>
      {overlays.map((run) => (
        <path
          key={run.id}
          className="kept-run-line"
          d={linePath(run.loss, x, y)}
          fill="none"
          stroke={run.color}
          strokeWidth={2}
          strokeLinejoin="round"
          strokeLinecap="round"
        />
      ))}
    </PlotClip>
  );
}
