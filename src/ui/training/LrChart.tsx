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
import { draftToSpec } from '../schedule/scheduleDraft';
import { ScheduleChangeMarks } from './ScheduleChangeMarks';
import type { TrainingView } from './useTrainingView';

const PLANNED = '#8fb3f0';
const USED = '#1f6feb';
const CHANGE = '#b45309';
const LEGEND: LegendItem[] = [
  { label: 'Planned', color: PLANNED, mark: 'dashed' },
  { label: 'Used', color: USED, mark: 'line' },
];
const CHANGE_LEGEND: LegendItem = { label: 'Schedule changed', color: CHANGE, mark: 'line' };

/**
 * The one learning-rate chart: before a run the plan for the run length set; during a run the
 * LR used so far (solid) over the plan as it now stands (dashed), each mid-run change marked.
 */
export function LrChart({ view }: { view: TrainingView }) {
  const logY = useAppStore((state) => state.logY);
  const setLogY = useAppStore((state) => state.setLogY);
  const stale = useAppStore(
    (state) => state.training.status === 'idle' && !draftToSpec(state.draft).ok,
  );
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
      className={stale ? 'chart-stale' : undefined}
      legend={[
        ...LEGEND,
        ...(view.changeIterations.length > 0 ? [CHANGE_LEGEND] : []),
        ...overlayLegend(overlays),
      ]}
      controls={
        <label className="inline">
          <input
            type="checkbox"
            checked={logY}
            onChange={(event) => setLogY(event.target.checked)}
          />
          Log scale
        </label>
      }
      footer={
        stale ? (
          <p className="stale-note" role="status">
            Showing the last valid schedule until the highlighted field is fixed.
          </p>
        ) : null
      }
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
          <ScheduleChangeMarks iterations={view.changeIterations} color={CHANGE} />
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
