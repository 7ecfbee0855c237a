import { useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { cycleStarts, type ScheduleSpec } from '../../core';
import { niceLinearAxis, positiveAxis, valueExtent } from '../charts/axisTicks';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_MARGIN, GRID, PAGE_TEXT, ValueAxis, valueXAxis } from '../charts/chartAxes';
import { CycleMarks } from '../charts/CycleMarks';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { formatCount, formatRate } from '../format';
import { previewSeries } from '../training/trainingChartData';

interface ScheduleChartProps {
  spec: ScheduleSpec;
  steps: number;
  logY: boolean;
  /** Drawn faded with a note while the form holds an error: the chart is never blank. */
  stale?: boolean;
}

const PLOT_HEIGHT = 340;
/** Beyond this many cycles, boundary lines would only add noise. */
const MAX_CYCLE_LINES = 60;
const LR = '#1f6feb';
const MOMENTUM = '#d97706';

const formatMomentum = (value: number) => value.toFixed(2);

/** The LR (and momentum, when cycled) of every iteration, with cycle boundaries. */
export function ScheduleChart({ spec, steps, logY, stale = false }: ScheduleChartProps) {
  const preview = useMemo(() => previewSeries(spec, steps), [spec, steps]);
  const boundaries = useMemo(() => {
    const starts = cycleStarts(spec, steps).slice(1);
    return starts.length <= MAX_CYCLE_LINES ? starts : [];
  }, [spec, steps]);
  const xAxis = useMemo(
    () =>
      valueXAxis({
        domain: [0, Math.max(1, steps - 1)],
        ticks: undefined,
        format: formatCount,
        label: 'Iteration',
        textSize: PAGE_TEXT,
      }),
    [steps],
  );
  const { momentum } = preview;
  const lrAxis = positiveAxis([preview.lr], logY);
  const [momentumMin, momentumMax] = (momentum && valueExtent([momentum])) || [0, 1];
  const legend: LegendItem[] = [
    { label: 'Learning rate', color: LR, mark: 'line' },
    ...(momentum ? [{ label: 'Momentum', color: MOMENTUM, mark: 'line' } as const] : []),
  ];

  return (
    <ChartFigure
      title="Schedule preview"
      label="Learning-rate schedule preview"
      testId="schedule-chart"
      className={stale ? 'chart-stale' : undefined}
      legend={legend}
    >
      <ResponsiveContainer width="100%" height={PLOT_HEIGHT}>
        <ComposedChart margin={{ ...CHART_MARGIN, top: 10, right: momentum ? 10 : 30, bottom: 20 }}>
          {GRID}
          {xAxis}
          <ValueAxis
            textSize={PAGE_TEXT}
            axis={lrAxis}
            format={formatRate}
            log={logY}
            yAxisId="lr"
            label="Learning rate"
          />
          {momentum ? (
            <ValueAxis
              textSize={PAGE_TEXT}
              axis={niceLinearAxis(momentumMin, momentumMax)}
              format={formatMomentum}
              yAxisId="momentum"
              side="right"
            />
          ) : null}
          <CycleMarks boundaries={boundaries} numIterations={steps} style="lines" />
          <PlotClip>
            <SeriesPath series={preview.lr} color={LR} width={2} yAxisId="lr" />
            {momentum ? <SeriesPath series={momentum} color={MOMENTUM} yAxisId="momentum" /> : null}
          </PlotClip>
          <HoverReadout
            lines={[
              { label: 'Learning rate', series: preview.lr, color: LR, format: formatRate },
              ...(momentum
                ? [{ label: 'Momentum', series: momentum, color: MOMENTUM, format: formatRate }]
                : []),
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
