import { memo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import { dotsPath, linePath, type PixelScale, type XYSeries } from './seriesGeometry';

interface SeriesPathProps {
  series: XYSeries;
  color: string;
  width?: number;
  dash?: string;
  opacity?: number;
  /** Also mark every point with a dot of this radius. */
  dotRadius?: number;
  /** The y axis it is drawn against, in a chart with two. */
  yAxisId?: string;
  /** Added to the path's class (a kept run's line, say). */
  className?: string;
}

/**
 * A line drawn straight from typed arrays as one SVG path, inside a recharts chart (its axis
 * scales place it). Every chart draws its lines with this, not recharts' <Line>: measured on a
 * 50,000-step run, <Line> took 69–95 ms per redraw (it builds several objects per point on
 * every render); this builds one string, so the charts redraw within a frame. Recharts still
 * draws the axes, grid, reference lines and areas.
 */
export const SeriesPath = memo(function SeriesPath({
  series,
  color,
  width = 1.5,
  dash,
  opacity,
  dotRadius,
  yAxisId,
  className,
}: SeriesPathProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale(yAxisId);
  if (!xScale || !yScale) return null;
  const x = xScale as PixelScale;
  const y = yScale as PixelScale;
  return (
    <g className="training-series">
      <path
        className={className ? `training-line ${className}` : 'training-line'}
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
