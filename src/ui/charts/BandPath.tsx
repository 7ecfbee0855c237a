import { memo } from 'react';
import { useXAxisScale, useYAxisScale } from 'recharts';
import type { PixelScale } from './seriesGeometry';

interface BandPathProps {
  xs: ArrayLike<number>;
  low: ArrayLike<number>;
  high: ArrayLike<number>;
  color: string;
  opacity?: number;
  yAxisId?: string;
}

/** A shaded band between two curves over the same xs (one SVG polygon; gaps where either is not finite). */
export const BandPath = memo(function BandPath({
  xs,
  low,
  high,
  color,
  opacity = 0.2,
  yAxisId,
}: BandPathProps) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale(yAxisId);
  if (!xScale || !yScale) return null;
  const x = xScale as PixelScale;
  const y = yScale as PixelScale;
  const pieces: string[] = [];
  let run: [number, number, number][] = [];
  const close = () => {
    if (run.length >= 2) {
      const top = run.map(([px, , hi]) => `${px},${hi}`);
      const bottom = run.map(([px, lo]) => `${px},${lo}`).reverse();
      pieces.push(`M${top.join('L')}L${bottom.join('L')}Z`);
    }
    run = [];
  };
  for (let i = 0; i < xs.length; i++) {
    const px = x(xs[i]);
    const lo = y(low[i]);
    const hi = y(high[i]);
    if (
      px === undefined ||
      lo === undefined ||
      hi === undefined ||
      ![px, lo, hi].every(Number.isFinite)
    ) {
      close();
      continue;
    }
    run.push([px, lo, hi]);
  }
  close();
  return (
    <path
      className="series-band"
      d={pieces.join('')}
      fill={color}
      fillOpacity={opacity}
      stroke="none"
    />
  );
});
