import { useMemo } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { cycleStarts, schedulePreview, type ScheduleSpec } from '../../core';
import { formatCount, formatRate } from '../format';

interface ScheduleChartProps {
  spec: ScheduleSpec;
  steps: number;
  logY: boolean;
  /** Drawn faded with a note while the form holds an error: the chart is never blank. */
  stale?: boolean;
}

/** Display budget: enough for a crisp line at any width, few enough to redraw on every slider move. */
const MAX_POINTS = 1500;
/** Beyond this many cycles, boundary lines would only add noise. */
const MAX_CYCLE_LINES = 60;

/** The LR (and momentum, when cycled) of every iteration, with cycle boundaries. */
export function ScheduleChart({ spec, steps, logY, stale = false }: ScheduleChartProps) {
  const preview = useMemo(() => schedulePreview(spec, steps, MAX_POINTS), [spec, steps]);
  const data = useMemo(
    () =>
      preview.steps.map((k, i) => ({
        k,
        lr: preview.lr[i],
        momentum: preview.momentum?.[i],
      })),
    [preview],
  );
  const boundaries = useMemo(() => {
    const starts = cycleStarts(spec, steps).slice(1);
    return starts.length <= MAX_CYCLE_LINES ? starts : [];
  }, [spec, steps]);
  const hasMomentum = preview.momentum !== undefined;

  return (
    <figure
      className={`chart${stale ? ' chart-stale' : ''}`}
      aria-label="Learning-rate schedule preview"
      data-testid="schedule-chart"
    >
      <ResponsiveContainer width="100%" height={380}>
        <LineChart
          data={data}
          margin={{ top: 10, right: hasMomentum ? 10 : 30, bottom: 20, left: 10 }}
        >
          <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
          <XAxis
            dataKey="k"
            type="number"
            domain={[0, Math.max(1, steps - 1)]}
            tickFormatter={formatCount}
            label={{ value: 'Iteration', position: 'insideBottom', offset: -10 }}
          />
          <YAxis
            yAxisId="lr"
            scale={logY ? 'log' : 'linear'}
            domain={logY ? ['auto', 'auto'] : [0, 'auto']}
            allowDataOverflow={logY}
            tickFormatter={formatRate}
            width={70}
            label={{ value: 'Learning rate', angle: -90, position: 'insideLeft', offset: 0 }}
          />
          {hasMomentum ? (
            <YAxis
              yAxisId="momentum"
              orientation="right"
              domain={['auto', 'auto']}
              tickFormatter={(value: number) => value.toFixed(2)}
              width={50}
            />
          ) : null}
          {boundaries.map((k) => (
            <ReferenceLine key={k} yAxisId="lr" x={k} stroke="#b9c2d0" strokeDasharray="2 4" />
          ))}
          <Tooltip
            formatter={(value, name) => [
              typeof value === 'number' ? formatRate(value) : String(value),
              name,
            ]}
            labelFormatter={(k) => `Iteration ${formatCount(Number(k))}`}
          />
          <Legend verticalAlign="top" height={28} />
          <Line
            yAxisId="lr"
            dataKey="lr"
            name="Learning rate"
            stroke="#1f6feb"
            strokeWidth={2}
            dot={false}
            isAnimationActive={false}
          />
          {hasMomentum ? (
            <Line
              yAxisId="momentum"
              dataKey="momentum"
              name="Momentum"
              stroke="#d97706"
              strokeWidth={1.5}
              dot={false}
              isAnimationActive={false}
            />
          ) : null}
        </LineChart>
      </ResponsiveContainer>
    </figure>
  );
}
