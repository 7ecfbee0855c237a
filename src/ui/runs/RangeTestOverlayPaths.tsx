import { SeriesPath } from '../charts/SeriesPath';
import type { RangeTestOverlay } from './runOverlays';

/** Kept range tests' smoothed losses, drawn on the range-test chart's LR and loss axes. */
export function RangeTestOverlayPaths({ overlays }: { overlays: readonly RangeTestOverlay[] }) {
  return overlays.map((run) => (
    <SeriesPath
      key={run.id}
      series={run.loss}
      color={run.color}
      width={2}
      yAxisId="loss"
      className="kept-run-line"
    />
  ));
}
