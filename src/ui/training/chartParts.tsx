import { CartesianGrid, XAxis, YAxis, type XAxisProps } from 'recharts';
import { formatCount } from '../format';
import { logTicks } from './trainingChartData';

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
export function formatIterationTick(k: number): string {
  return Math.abs(k) < 1000 ? formatCount(k) : `${Number((k / 1000).toPrecision(3))}k`;
}

/** The iteration x axis every training chart shares: same domain, epoch ticks, label. */
export function iterationAxis(numIterations: number, ticks: number[] | undefined, label: string) {
  const props: XAxisProps = {
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

/** A value axis with a fixed domain (the charts compute it: their lines are drawn directly). */
export function valueAxis(
  domain: [number, number],
  tickFormatter: (value: number) => string,
  log = false,
) {
  return (
    <YAxis
      type="number"
      scale={log ? 'log' : 'linear'}
      domain={domain}
      allowDataOverflow
      ticks={log ? logTicks(domain) : undefined}
      interval={log ? 0 : 'preserveEnd'}
      tickFormatter={tickFormatter}
      tick={TICK_STYLE}
      width={52}
    />
  );
}
