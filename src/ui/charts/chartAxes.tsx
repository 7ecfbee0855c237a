import { memo } from 'react';
import { CartesianGrid, XAxis, YAxis, type XAxisProps } from 'recharts';
import { formatIterationTick } from '../format';
import type { ValueAxisSpec } from './axisTicks';

/** Plot height in pixels: four charts fit a 1280×720 projector in a 2×2 grid. */
export const CHART_HEIGHT = 180;
/** Room for the axis labels, none wasted at the top. */
export const CHART_MARGIN = { top: 6, right: 14, bottom: 14, left: 4 };
/**
 * Shared chart parts as fixed elements: React skips re-rendering an element it has seen, and
 * recharts re-registers an axis or grid on every render of one.
 */
export const GRID = <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />;
/** Axis text of the compact training charts (four to a screen): still legible on a projector. */
const COMPACT_TEXT = 14;
/** Axis text at the page's own size, for the charts that have a column to themselves. */
export const PAGE_TEXT = 16;

interface XAxisOptions {
  domain: [number, number];
  /** Undefined: recharts picks its own. */
  ticks: number[] | undefined;
  format: (value: number) => string;
  label: string;
  log?: boolean;
  /** Room at either end, so markers at the first and last x are not cut in half. */
  padding?: number;
  /** Tick and label size in pixels. */
  textSize?: number;
}

/**
 * The x axis of every chart, as an element the caller memoizes. Its lines are drawn directly,
 * so recharts never sees their data: the domain is fixed here.
 */
export function valueXAxis({
  domain,
  ticks,
  format,
  label,
  log = false,
  padding,
  textSize = COMPACT_TEXT,
}: XAxisOptions) {
  const props: XAxisProps = {
    // Without a dataKey recharts builds no scale, even for a fixed domain.
    dataKey: 'x',
    type: 'number',
    scale: log ? 'log' : 'linear',
    domain,
    allowDataOverflow: true,
    ticks,
    // Given ticks are all drawn while they fit; on a narrow plot the ones that would overlap
    // their neighbours' text are left out (the first and last stay).
    interval: ticks ? 'preserveStartEnd' : 'preserveEnd',
    tickFormatter: format,
    tick: { fontSize: textSize },
    height: 8 + 2 * textSize,
    padding: padding ? { left: padding, right: padding } : undefined,
    label: { value: label, position: 'insideBottom', offset: -8, fontSize: textSize },
  };
  return <XAxis {...props} />;
}

/** The iteration x axis every training chart shares: same domain, epoch ticks, label. */
export function iterationAxis(numIterations: number, ticks: number[] | undefined, label: string) {
  return valueXAxis({ domain: [0, numIterations], ticks, format: formatIterationTick, label });
}

interface ValueAxisProps {
  axis: ValueAxisSpec;
  format: (value: number) => string;
  log?: boolean;
  /** In a chart with two y axes: which this is, and the right-hand one's side. */
  yAxisId?: string;
  side?: 'left' | 'right';
  label?: string;
  /** Tick and label size in pixels. */
  textSize?: number;
}

function sameAxis(a: ValueAxisProps, b: ValueAxisProps): boolean {
  return (
    a.format === b.format &&
    a.log === b.log &&
    a.yAxisId === b.yAxisId &&
    a.side === b.side &&
    a.label === b.label &&
    a.textSize === b.textSize &&
    a.axis.ticks.length === b.axis.ticks.length &&
    a.axis.ticks.every((tick, i) => tick === b.axis.ticks[i]) &&
    a.axis.domain.every((end, i) => end === b.axis.domain[i])
  );
}

/**
 * The y axis with a domain the chart computes (its lines are drawn directly, so recharts does
 * not see their data). Re-rendered only when the axis changes by value.
 */
export const ValueAxis = memo(function ValueAxis({
  axis,
  format,
  log = false,
  yAxisId,
  side = 'left',
  label,
  textSize = COMPACT_TEXT,
}: ValueAxisProps) {
  return (
    <YAxis
      yAxisId={yAxisId}
      orientation={side}
      type="number"
      scale={log ? 'log' : 'linear'}
      domain={axis.domain}
      allowDataOverflow
      ticks={axis.ticks}
      interval={0}
      tickFormatter={format}
      tick={{ fontSize: textSize }}
      width={(label ? 40 : 30) + 2 * textSize}
      label={
        label
          ? {
              value: label,
              angle: side === 'left' ? -90 : 90,
              position: side === 'left' ? 'insideLeft' : 'insideRight',
              // Centred on the axis: anchored at an end, a long title runs out of a short plot.
              textAnchor: 'middle',
              fontSize: textSize,
            }
          : undefined
      }
    />
  );
}, sameAxis);
