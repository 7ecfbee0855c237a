import { ComposedChart, ResponsiveContainer } from 'recharts';
import { trainingSeries } from '../series/runSeries';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, ValueAxis } from '../charts/chartAxes';
import { useChartHeight } from '../charts/useChartHeight';
import { CycleMarks } from '../charts/CycleMarks';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { niceLinearAxis, valueExtent } from '../charts/axisTicks';
import { sampleSteps } from '../charts/downsample';
import type { XYSeries } from '../charts/seriesGeometry';
import { useSeriesMemo } from '../charts/useSeriesMemo';
import type { TrainingView } from './useTrainingView';

const PLANNED = '#f3c27a';
const USED = '#d97706';
const LEGEND: LegendItem[] = [
  { label: 'Planned', color: PLANNED, mark: 'dashed' },
  { label: 'Used', color: USED, mark: 'line' },
];

function formatMomentum(value: number): string {
  return String(Number(value.toPrecision(3)));
}

/** Cycled momentum, planned (dashed) and used (solid): it falls while the LR rises. */
export function MomentumChart({ view, planned }: { view: TrainingView; planned: XYSeries }) {
  const height = useChartHeight(CHART_HEIGHT);
  const used = useSeriesMemo(view.seriesVersion, () => {
    const { xs, ys } = sampleSteps({ momentum: trainingSeries.momentum.view() }, 'momentum');
    return { xs, ys: ys.momentum };
  });
  const [min, max] = valueExtent([planned, used]) ?? [0, 1];
  const axis = niceLinearAxis(min, max);

  return (
    <ChartFigure title="Momentum" label="Momentum chart" testId="momentum-chart" legend={LEGEND}>
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart accessibilityLayer={false} margin={CHART_MARGIN}>
          {GRID}
          {view.xAxis}
          <ValueAxis axis={axis} format={formatMomentum} />
          <CycleMarks
            boundaries={view.boundaries}
            numIterations={view.numIterations}
            style="lines"
          />
          <PlotClip>
            <SeriesPath series={planned} color={PLANNED} dash="5 4" />
            <SeriesPath series={used} color={USED} width={2} />
          </PlotClip>
          <HoverReadout
            lines={[
              { label: 'Planned', series: planned, color: PLANNED, format: formatMomentum },
              { label: 'Used', series: used, color: USED, format: formatMomentum },
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
