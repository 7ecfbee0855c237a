import { Symbols, useXAxisScale, useYAxisScale, type SymbolsProps } from 'recharts';
import type { PixelScale, XYSeries } from './trainingChartData';

interface SeriesMarkersProps {
  series: XYSeries;
  shape: NonNullable<SymbolsProps['type']>;
  color: string;
  /** Marker area in square pixels. */
  size?: number;
  /** Connect the markers with a thin dashed line. */
  joined?: boolean;
}

/** A few marked points (cycle bests, ensemble results) placed by the chart's axis scales. */
export function SeriesMarkers({ series, shape, color, size = 60, joined }: SeriesMarkersProps) {
  const xScale = useXAxisScale() as PixelScale | undefined;
  const yScale = useYAxisScale() as PixelScale | undefined;
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
