import { useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { trainingSeries } from '../series/runSeries';
import { ChartFigure } from './ChartFigure';
import type { LegendItem } from './ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, valueAxis } from './chartParts';
import { CycleMarks } from './CycleMarks';
import { SeriesPath } from './SeriesPath';
import { sampleSteps, valueExtent, type XYSeries } from './trainingChartData';
import { useSeriesMemo } from './useSeriesMemo';
import type { TrainingView } from './useTrainingView';

const PLANNED = '#f3c27a';
const USED = '#d97706';
const LEGEND: LegendItem[] = [
  { label: 'Planned', color: PLANNED, mark: 'dashed' },
  { label: 'Used', color: USED, mark: 'line' },
];

function formatMomentum(value: number): string {
  return value.toFixed(2);
}

/** Cycled momentum, planned (dashed) and used (solid): it falls while the LR rises. */
export function MomentumChart({ view, planned }: { view: TrainingView; planned: XYSeries }) {
  const used = useSeriesMemo(view.seriesVersion, () => {
    const { xs, ys } = sampleSteps({ momentum: trainingSeries.momentum.view() }, 'momentum');
    return { xs, ys: ys.momentum };
  });
  const [min, max] = valueExtent([planned, used]) ?? [0, 1];
  // Whole 0.05 steps around the range: 0.80–0.90 reads better than 0.797–0.903.
  const lo = Math.floor(min * 20 + 1e-9) / 20;
  const hi = Math.max(lo + 0.05, Math.ceil(max * 20 - 1e-9) / 20);
  const yAxis = useMemo(() => valueAxis([lo, hi], formatMomentum), [lo, hi]);

  return (
    <ChartFigure
      title="Momentum"
      label="Momentum by iteration"
      testId="momentum-chart"
      legend={LEGEND}
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart margin={CHART_MARGIN}>
          {GRID}
          {view.xAxis}
          {yAxis}
          <CycleMarks
            boundaries={view.boundaries}
            numIterations={view.numIterations}
            style="lines"
          />
          <SeriesPath series={planned} color={PLANNED} dash="5 4" />
          <SeriesPath series={used} color={USED} width={2} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
