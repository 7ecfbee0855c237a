import { ComposedChart, ResponsiveContainer } from 'recharts';
import { formatCount, formatRate } from '../format';
import { overlayLegend, useTrainingOverlays } from '../runs/runOverlays';
import { trainingSeries } from '../series/runSeries';
import { useAppStore } from '../store';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, ValueAxis } from '../charts/chartAxes';
import { useChartHeight } from '../charts/useChartHeight';
import { CycleMarks } from '../charts/CycleMarks';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { positiveAxis } from '../charts/axisTicks';
import { sampleSteps } from '../charts/downsample';
import { useSeriesMemo } from '../charts/useSeriesMemo';
import { seriesTable } from '../charts/chartTable';
import { SERIES_COLORS } from '../charts/palette';
import { useRangeTestAnalysis } from '../rangeTest/useRangeTestAnalysis';
import { draftToSpec } from '../schedule/scheduleDraft';
import { ScheduleChangeMarks } from './ScheduleChangeMarks';
import { lrSummary } from './trainingSummaries';
import type { TrainingView } from './useTrainingView';

const PLANNED = SERIES_COLORS.lrPlanned;
const USED = SERIES_COLORS.lrUsed;
const CHANGE = '#b45309';
const LEGEND: LegendItem[] = [
  { label: 'Planned', color: PLANNED, mark: 'dashed' },
  { label: 'Used', color: USED, mark: 'line' },
];
const CHANGE_LEGEND: LegendItem = { label: 'Schedule changed', color: CHANGE, mark: 'line' };
const EFFECTIVE = SERIES_COLORS.lrEffective;
const RANGE_PICK = SERIES_COLORS.lrRangePick;

const ITERATION_COLUMN = { label: 'Iteration', format: formatCount };

/**
 * The one learning-rate chart: before a run the plan for the run length set; during a run the
 * LR used so far (solid) over the plan as it now stands (dashed), each mid-run change marked.
 */
export function LrChart({ view }: { view: TrainingView }) {
  const height = useChartHeight(CHART_HEIGHT);
  const logY = useAppStore((state) => state.logY);
  const setLogY = useAppStore((state) => state.setLogY);
  const stale = useAppStore(
    (state) => state.training.status === 'idle' && !draftToSpec(state.draft).ok,
  );
  const used = useSeriesMemo(view.seriesVersion, () => {
    const { xs, ys } = sampleSteps({ lr: trainingSeries.lr.view() }, 'lr');
    return { xs, ys: ys.lr };
  });
  // Prodigy's own step size, lr·d, beside where the range test would have put max LR.
  const effective = useSeriesMemo(view.seriesVersion, () => {
    const { xs, ys } = sampleSteps({ lr: trainingSeries.effectiveLr.view() }, 'lr');
    return { xs, ys: ys.lr };
  });
  const showEffective = effective.xs.length > 0;
  const rangePick = useRangeTestAnalysis().picks.recommended?.lr ?? null;
  const pickLine =
    showEffective && rangePick !== null
      ? { xs: [0, Math.max(1, view.numIterations)], ys: [rangePick, rangePick] }
      : null;
  const overlays = useTrainingOverlays();
  const axis = positiveAxis(
    [
      view.preview.lr,
      used,
      ...(showEffective ? [effective] : []),
      ...(pickLine ? [pickLine] : []),
      ...overlays.map((run) => run.lr),
    ],
    logY,
  );

  return (
    <ChartFigure
      title="Learning rate"
      label="Learning rate chart"
      testId="lr-chart"
      className={stale ? 'chart-stale' : undefined}
      legend={[
        ...LEGEND,
        ...(view.changeIterations.length > 0 ? [CHANGE_LEGEND] : []),
        ...(showEffective
          ? [{ label: 'Prodigy’s step (lr·d)', color: EFFECTIVE, mark: 'line' } as const]
          : []),
        ...(pickLine
          ? [{ label: 'Range test’s max LR', color: RANGE_PICK, mark: 'dashed' } as const]
          : []),
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
      summary={lrSummary(view.preview.lr, used, view.numIterations)}
      table={() =>
        seriesTable(ITERATION_COLUMN, [
          { label: 'Planned LR', series: view.preview.lr, format: formatRate },
          { label: 'Used LR', series: used, format: formatRate },
          ...(showEffective
            ? [{ label: 'Prodigy step (lr·d)', series: effective, format: formatRate }]
            : []),
        ])
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart accessibilityLayer={false} margin={CHART_MARGIN}>
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
            {pickLine ? <SeriesPath series={pickLine} color={RANGE_PICK} dash="2 3" /> : null}
            {showEffective ? <SeriesPath series={effective} color={EFFECTIVE} width={2} /> : null}
          </PlotClip>
          <HoverReadout
            lines={[
              { label: 'Planned', series: view.preview.lr, color: PLANNED, format: formatRate },
              { label: 'Used', series: used, color: USED, format: formatRate },
              ...(showEffective
                ? [{ label: 'lr·d', series: effective, color: EFFECTIVE, format: formatRate }]
                : []),
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
