import { ComposedChart, ResponsiveContainer } from 'recharts';
import { formatRate } from '../format';
import { overlayLegend, useTrainingOverlays } from '../runs/runOverlays';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, ValueAxis } from '../charts/chartAxes';
import { CycleMarks } from '../charts/CycleMarks';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { positiveAxis } from '../charts/axisTicks';
import { sampleSteps } from '../charts/downsample';
import { useSeriesMemo } from '../charts/useSeriesMemo';
import type { TrainingView } from './useTrainingView';

const PLANNED = '#8fb3f0';
const USED = '#1f6feb';
const LEGEND: LegendItem[] = [
  { label: 'Planned', color: PLANNED, mark: 'dashed' },
  { label: 'Used', color: USED, mark: 'line' },
];

/** The planned LR curve (dashed) with the LR actually used filling in over it (solid). */
export function LrChart({ view }: { view: TrainingView }) {
  // The schedule explorer's "Log scale" applies here too: it is the same curve.
  const logY = useAppStore((state) => state.logY);
  const used = useSeriesMemo(view.seriesVersion, () => {
    const { xs, ys } = sampleSteps({ lr: trainingSeries.lr.view() }, 'lr');
    return { xs, ys: ys.lr };
  });
  const overlays = useTrainingOverlays();
  const axis = positiveAxis([view.preview.lr, used, ...overlays.map((run) => run.lr)], logY);

  return (
    <ChartFigure
      title="Learning rate"
      label="Learning rate by iteration"
      testId="lr-chart"
      legend={[...LEGEND, ...overlayLegend(overlays)]}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart margin={CHART_MARGIN}>
          {GRID}
          {view.xAxis}
          <ValueAxis axis={axis} format={formatRate} log={logY} />
          <CycleMarks
            boundaries={view.boundaries}
            numIterations={view.numIterations}
            style="lines"
          />
          <PlotClip>
            {overlays.map((run) => (
              <SeriesPath key={run.id} series={run.lr} color={run.color} />
            ))}
            <SeriesPath series={view.preview.lr} color={PLANNED} dash="5 4" />
            <SeriesPath series={used} color={USED} width={2} />
          </PlotClip>
          <HoverReadout
            lines={[
              { label: 'Planned', series: view.preview.lr, color: PLANNED, format: formatRate },
              { label: 'Used', series: used, color: USED, format: formatRate },
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
