import { useState } from 'react';
import { usePlotArea, useXAxisInverseScale, useXAxisScale } from 'recharts';
import { formatCount } from '../format';
import { nearestIndex, type PixelScale, type XYSeries } from './trainingChartData';

export interface ReadoutLine {
  label: string;
  series: XYSeries;
  color: string;
  format: (value: number) => string;
}

const LINE_HEIGHT = 14;
/** Rough width of one character at the readout's font size, to size its box without measuring. */
const CHAR_WIDTH = 6.4;

/** On hover: a line at the pointer's iteration and each series' value there, in a small box. */
export function HoverReadout({ lines }: { lines: readonly ReadoutLine[] }) {
  const [pointerX, setPointerX] = useState<number | null>(null);
  const plot = usePlotArea();
  const xScale = useXAxisScale() as PixelScale | undefined;
  const invert = useXAxisInverseScale();
  if (!plot || !xScale || !invert) return null;

  let readout = null;
  if (pointerX !== null) {
    const k = Math.max(0, Math.round(Number(invert(pointerX))));
    const rows = [`Iteration ${formatCount(k)}`];
    const colors = ['var(--ink)'];
    for (const line of lines) {
      const i = nearestIndex(line.series.xs, k);
      const value = i < 0 ? NaN : line.series.ys[i];
      if (!Number.isFinite(value)) continue;
      rows.push(`${line.label}: ${line.format(value)}`);
      colors.push(line.color);
    }
    const width = 12 + CHAR_WIDTH * Math.max(...rows.map((row) => row.length));
    const height = 6 + LINE_HEIGHT * rows.length;
    const onLeft = pointerX > plot.x + plot.width / 2;
    const boxX = onLeft ? plot.x + 6 : plot.x + plot.width - width - 6;
    readout = (
      <g className="training-readout" pointerEvents="none">
        <line x1={pointerX} x2={pointerX} y1={plot.y} y2={plot.y + plot.height} stroke="#64748b" />
        <rect x={boxX} y={plot.y + 4} width={width} height={height} rx={3} />
        {rows.map((row, i) => (
          <text key={i} x={boxX + 6} y={plot.y + 4 + LINE_HEIGHT * (i + 1)} fill={colors[i]}>
            {row}
          </text>
        ))}
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
