import { memo } from 'react';
import { usePlotArea, useXAxisScale } from 'recharts';
import { shadedCycles } from './cycleBands';
import { SERIES_COLORS } from './palette';
import type { PixelScale } from './seriesGeometry';

interface CycleMarksProps {
  /** Steps where a new cycle begins. */
  boundaries: readonly number[];
  numIterations: number;
  /** 'lines': a dotted line at each boundary; 'bands': every other cycle shaded. */
  style: 'lines' | 'bands';
}

/** Where the schedule's cycles begin and end, drawn under the data. */
export const CycleMarks = memo(function CycleMarks({
  boundaries,
  numIterations,
  style,
}: CycleMarksProps) {
  const xScale = useXAxisScale() as PixelScale | undefined;
  const plot = usePlotArea();
  if (!xScale || !plot || boundaries.length === 0) return null;
  if (style === 'lines') {
    let d = '';
    for (const k of boundaries) {
      const x = xScale(k);
      if (x !== undefined) d += `M${x.toFixed(1)},${plot.y}v${plot.height}`;
    }
    return (
      <path
        className="training-cycles"
        d={d}
        stroke={SERIES_COLORS.cycleLine}
        strokeDasharray="2 3"
      />
    );
  }
  return (
    <g className="training-cycles">
      {shadedCycles(boundaries, numIterations).map((band) => {
        const x1 = xScale(band.x1) ?? plot.x;
        const x2 = xScale(band.x2) ?? plot.x + plot.width;
        return (
          <rect
            key={band.cycleNum}
            x={x1}
            y={plot.y}
            width={Math.max(0, x2 - x1)}
            height={plot.height}
            fill="#64748b"
            fillOpacity={0.09}
          />
        );
      })}
    </g>
  );
});
