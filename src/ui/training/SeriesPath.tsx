import { memo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import { linePath, type PixelScale, type XYSeries } from './trainingChartData';

interface SeriesPathProps {
  series: XYSeries;
  color: string;
  width?: number;
  dash?: string;
  opacity?: number;
  /** Also mark every point with a dot of this radius. */
  dotRadius?: number;
}

/**
 * A line drawn straight from typed arrays as one SVG path, inside a recharts chart (its axis
 * scales place it). Recharts' own <Line> builds several objects per point on every redraw;
 * this builds one string, so a chart of a 50,000-step run redraws within a frame.
 */
export const SeriesPath = memo(function SeriesPath({
  series,
  color,
  width = 1.5,
  dash,
  opacity,
  dotRadius,
}: SeriesPathProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!xScale || !yScale) return null;
  const x = xScale as PixelScale;
  const y = yScale as PixelScale;
  return (
    <g className="training-series">
      <path
        className="training-line"
        d={linePath(series, x, y)}
        fill="none"
        stroke={color}
        strokeWidth={width}
        strokeDasharray={dash}
        strokeOpacity={opacity}
        strokeLinejoin="round"
        strokeLinecap="round"
      />
      {dotRadius ? <path d={dotsPath(series, x, y, dotRadius)} fill={color} stroke="none" /> : null}
    </g>
  );
});

/** Small circles at every finite point, as one path. */
function dotsPath(series: XYSeries, x: PixelScale, y: PixelScale, r: number): string {
  let d = '';
  for (let i = 0; i < series.xs.length; i++) {
    const px = x(series.xs[i]);
    const py = Number.isFinite(series.ys[i]) ? y(series.ys[i]) : undefined;
    if (px === undefined || py === undefined) continue;
    d += `M${(px - r).toFixed(1)},${py.toFixed(1)}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}
