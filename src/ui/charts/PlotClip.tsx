import { useId, type ReactNode } from 'react';
import { usePlotArea } from 'recharts';

/** Room above and below the plot for markers sitting on its edge. */
const MARKER_ROOM = 4;

/** Clips what it holds to the plot area, so a zoomed axis never spills lines over the labels. */
export function PlotClip({ children }: { children: ReactNode }) {
  const plot = usePlotArea();
  const id = `training-clip-${useId().replace(/[^\w-]/g, '')}`;
  if (!plot) return null;
  return (
    <g>
      <defs>
        <clipPath id={id}>
          <rect
            x={plot.x}
            y={plot.y - MARKER_ROOM}
            width={plot.width}
            height={plot.height + 2 * MARKER_ROOM}
          />
        </clipPath>
      </defs>
      <g clipPath={`url(#${id})`}>{children}</g>
    </g>
  );
}
