import { Symbols, useXAxisScale, useYAxisScale, type SymbolsProps } from 'recharts';
import type { PixelScale, XYSeries } from './seriesGeometry';

interface SeriesMarkersProps {
  series: XYSeries;
  shape: NonNullable<SymbolsProps['type']>;
  color: string;
  /** Marker area in square pixels. */
  size?: number;
  /** Connect the markers with a thin dashed line. */
  joined?: boolean;
  /** The y axis the markers sit on, in a chart with two. */
  yAxisId?: string;
}

/** A few marked points (cycle bests, ensemble results, suggestions) placed by the axis scales. */
export function SeriesMarkers({
  series,
  shape,
  color,
  size = 60,
  joined,
  yAxisId,
}: SeriesMarkersProps) {
  const xScale = useXAxisScale() as PixelScale | undefined;
  const yScale = useYAxisScale(yAxisId) as PixelScale | undefined;
  if (!xScale || !yScale) return null;
  const points: { x: number; y: number }[] = [];
  for (let i = 0; i < series.xs.length; i++) {
    const x = xScale(series.xs[i]);
    const y = yScale(series.ys[i]);
    if (x !== undefined && y !== undefined && Number.isFinite(y)) points.push({ x, y });
  }
  return (
    <g className="training-markers">
      {joined && points.length > 1 ? (
        <polyline
          points={points.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')}
          fill="none"
          stroke={color}
          strokeWidth={1}
          strokeDasharray="3 2"
        />
      ) : null}
      {points.map((p) => (
        <Symbols
          key={`${p.x},${p.y}`}
          type={shape}
          cx={p.x}
          cy={p.y}
          size={size}
          fill={color}
          stroke="#fff"
          strokeWidth={0.75}
        />
      ))}
    </g>
  );
}
