import { useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { formatRate } from '../format';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { ChartFigure } from './ChartFigure';
import type { LegendItem } from './ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, valueAxis } from './chartParts';
import { CycleMarks } from './CycleMarks';
import { SeriesPath } from './SeriesPath';
import { logDomain, sampleSteps, valueExtent, zeroBasedDomain } from './trainingChartData';
import { useSeriesMemo } from './useSeriesMemo';
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
  const extent = valueExtent([view.preview.lr, used], logY);
  const [lo, hi] = logY ? logDomain(extent) : zeroBasedDomain(extent);
  const yAxis = useMemo(() => valueAxis([lo, hi], formatRate, logY), [lo, hi, logY]);

  return (
    <ChartFigure
      title="Learning rate"
      label="Learning rate by iteration"
      testId="lr-chart"
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
          <SeriesPath series={view.preview.lr} color={PLANNED} dash="5 4" />
          <SeriesPath series={used} color={USED} width={2} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
