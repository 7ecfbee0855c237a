import { memo } from 'react';
import { CartesianGrid, XAxis, YAxis, type XAxisProps } from 'recharts';
import { formatCount } from '../format';
import type { ValueAxisSpec } from './trainingChartData';

/** Plot height in pixels: four charts fit a 1280×720 projector in a 2×2 grid. */
export const CHART_HEIGHT = 180;
/** Room for the axis labels, none wasted at the top. */
export const CHART_MARGIN = { top: 6, right: 14, bottom: 14, left: 4 };
/**
 * Shared chart parts as fixed elements: React skips re-rendering an element it has seen, and
 * recharts re-registers an axis or grid on every render of one.
 */
export const GRID = <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />;
const TICK_STYLE = { fontSize: 11 };

/** Compact iteration count for crowded ticks: 860, 1.72k, 51.6k. */
function formatIterationTick(k: number): string {
  return Math.abs(k) < 1000 ? formatCount(k) : `${Number((k / 1000).toPrecision(3))}k`;
}

/** The iteration x axis every training chart shares: same domain, epoch ticks, label. */
export function iterationAxis(numIterations: number, ticks: number[] | undefined, label: string) {
  const props: XAxisProps = {
    // Without a dataKey recharts builds no scale, even for a fixed domain.
    dataKey: 'k',
    type: 'number',
    domain: [0, numIterations],
    allowDataOverflow: true,
    ticks,
    interval: ticks ? 0 : 'preserveEnd',
    tickFormatter: formatIterationTick,
    tick: TICK_STYLE,
    height: 30,
    label: { value: label, position: 'insideBottom', offset: -8, fontSize: 11 },
  };
  return <XAxis {...props} />;
}

interface ValueAxisProps {
  axis: ValueAxisSpec;
  format: (value: number) => string;
  log?: boolean;
}

function sameAxis(a: ValueAxisProps, b: ValueAxisProps): boolean {
  return (
    a.format === b.format &&
    a.log === b.log &&
    a.axis.ticks.length === b.axis.ticks.length &&
    a.axis.ticks.every((tick, i) => tick === b.axis.ticks[i]) &&
    a.axis.domain.every((end, i) => end === b.axis.domain[i])
  );
}

/**
 * The y axis with a domain the chart computes (its lines are drawn directly, so recharts does
 * not see their data). Re-rendered only when the axis changes by value.
 */
export const ValueAxis = memo(function ValueAxis({ axis, format, log = false }: ValueAxisProps) {
  return (
    <YAxis
      type="number"
      scale={log ? 'log' : 'linear'}
      domain={axis.domain}
      allowDataOverflow
      ticks={axis.ticks}
      interval={0}
      tickFormatter={format}
      tick={TICK_STYLE}
      width={52}
    />
  );
}, sameAxis);
