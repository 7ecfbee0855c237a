import { useState } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { FASTAI_SMOOTHING, smoothLosses } from '../../core';
import { overlayLegend, useTrainingOverlays } from '../runs/runOverlays';
import { trainingSeries } from '../series/runSeries';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, ValueAxis } from '../charts/chartAxes';
import { useChartHeight } from '../charts/useChartHeight';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { positiveAxis } from '../charts/axisTicks';
import { sampleSteps } from '../charts/downsample';
import { useSeriesMemo } from '../charts/useSeriesMemo';
import { seriesTable } from '../charts/chartTable';
import { CycleMarks } from '../charts/CycleMarks';
import { SERIES_COLORS } from '../charts/palette';
import { formatCount } from '../format';
import { lossSummary } from './trainingSummaries';
import type { TrainingView } from './useTrainingView';

const RAW = SERIES_COLORS.lossRaw;
const SMOOTHED = SERIES_COLORS.lossSmoothed;
const LEGEND: LegendItem[] = [
  { label: 'Per batch', color: RAW, mark: 'noisy' },
  { label: 'Smoothed (EMA 0.98)', color: SMOOTHED, mark: 'line' },
];

function formatLoss(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** Training loss per batch (thin) and its debiased EMA (beta 0.98), on a linear or log axis. */
export function LossChart({ view }: { view: TrainingView }) {
  const height = useChartHeight(CHART_HEIGHT);
  const [logLoss, setLogLoss] = useState(false);
  const loss = useSeriesMemo(view.seriesVersion, () => {
    const raw = trainingSeries.loss.view();
    const { xs, ys } = sampleSteps({ raw, smoothed: smoothLosses(raw, FASTAI_SMOOTHING) }, 'raw');
    return { raw: { xs, ys: ys.raw }, smoothed: { xs, ys: ys.smoothed } };
  });
  const overlays = useTrainingOverlays();
  const axis = positiveAxis([loss.raw, ...overlays.map((run) => run.loss)], logLoss);

  return (
    <ChartFigure
      title="Loss"
      label="Loss chart"
      testId="loss-chart"
      legend={[...LEGEND, ...overlayLegend(overlays)]}
      summary={lossSummary(loss.smoothed)}
      table={() =>
        seriesTable({ label: 'Iteration', format: formatCount }, [
          { label: 'Loss per batch', series: loss.raw, format: formatLoss },
          { label: 'Loss smoothed', series: loss.smoothed, format: formatLoss },
        ])
      }
      emptyNote={
        loss.raw.xs.length === 0 && overlays.length === 0
          ? 'The loss appears here once training starts.'
          : null
      }
      controls={
        <label className="inline training-chart-toggle">
          <input
            type="checkbox"
            checked={logLoss}
            onChange={(event) => setLogLoss(event.target.checked)}
          />
          Log loss
        </label>
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart accessibilityLayer={false} margin={CHART_MARGIN}>
          {GRID}
          {view.xAxis}
          <ValueAxis axis={axis} format={formatLoss} log={logLoss} />
          <CycleMarks
            boundaries={view.boundaries}
            numIterations={view.numIterations}
            style="lines"
          />
          <PlotClip>
            {overlays.map((run) => (
              <SeriesPath key={run.id} series={run.loss} color={run.color} width={1.5} />
            ))}
            <SeriesPath series={loss.raw} color={RAW} width={1} />
            <SeriesPath series={loss.smoothed} color={SMOOTHED} width={2} />
          </PlotClip>
          <HoverReadout
            lines={[
              { label: 'Per batch', series: loss.raw, color: RAW, format: formatLoss },
              { label: 'Smoothed', series: loss.smoothed, color: SMOOTHED, format: formatLoss },
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
