import { useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import { formatCount } from '../format';
import { nearestIndex, type PixelScale, type XYSeries } from './seriesGeometry';

export interface ReadoutLine {
  label: string;
  series: XYSeries;
  color: string;
  format: (value: number) => string;
}

/** What the x axis is: iterations (the default) or a value on a log axis, such as the LR. */
export interface ReadoutX {
  format: (x: number) => string;
  log?: boolean;
}

const ITERATION_X: ReadoutX = { format: (k) => `Iteration ${formatCount(k)}` };

/**
 * On hover: a line at the pointer's x and each series' value there. The box is HTML inside a
 * foreignObject, so the browser lays the text out and sizes the box to it.
 */
export function HoverReadout({
  lines,
  x = ITERATION_X,
}: {
  lines: readonly ReadoutLine[];
  x?: ReadoutX;
}) {
  const [pointerX, setPointerX] = useState<number | null>(null);
  const plot = usePlotArea();
  const xScale = useXAxisScale() as PixelScale | undefined;
  const invert = useXAxisInverseScale();
  if (!plot || !xScale || !invert) return null;

  let readout = null;
  if (pointerX !== null) {
    const raw = Number(invert(pointerX));
    const at = x.log ? raw : Math.max(0, Math.round(raw));
    const rows = [{ text: x.format(at), color: 'var(--ink)' }];
    for (const line of lines) {
      const i = nearestIndex(line.series.xs, at, x.log ? 'log' : 'linear');
      const value = i < 0 ? NaN : line.series.ys[i];
      if (!Number.isFinite(value)) continue;
      rows.push({ text: `${line.label}: ${line.format(value)}`, color: line.color });
    }
    const onLeft = pointerX > plot.x + plot.width / 2;
    readout = (
      <g className="training-readout" pointerEvents="none">
        <line x1={pointerX} x2={pointerX} y1={plot.y} y2={plot.y + plot.height} stroke="#64748b" />
        <foreignObject x={plot.x} y={plot.y} width={plot.width} height={plot.height}>
          <div className="chart-readout-area">
            <div className={`chart-readout-box chart-readout-${onLeft ? 'left' : 'right'}`}>
              {rows.map((row, i) => (
                <div key={i} style={{ color: row.color }}>
                  {row.text}
                </div>
              ))}
            </div>
          </div>
        </foreignObject>
      </g>
    );
  }

  return (
    <g>
      {readout}
      <rect
        x={plot.x}
        y={plot.y}
        width={plot.width}
        height={plot.height}
        fill="transparent"
        onPointerMove={(event) => {
          const svg = event.currentTarget.ownerSVGElement;
          if (svg) setPointerX(event.clientX - svg.getBoundingClientRect().left);
        }}
        onPointerLeave={() => setPointerX(null)}
      />
    </g>
  );
}
