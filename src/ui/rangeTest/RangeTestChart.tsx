import { useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { niceLinearAxis } from '../charts/axisTicks';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_MARGIN, GRID, PAGE_TEXT, ValueAxis, valueXAxis } from '../charts/chartAxes';
import { HoverReadout, type ReadoutX } from '../charts/HoverReadout';
import { PlotAreaProbe } from '../charts/PlotAreaProbe';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { seriesTable } from '../charts/chartTable';
import { SERIES_COLORS } from '../charts/palette';
import { formatRate } from '../format';
import { RangeTestOverlayPaths } from '../runs/RangeTestOverlayPaths';
import { overlayLegend, sweepSpan, useRangeTestOverlays } from '../runs/runOverlays';
import { useAppStore } from '../store';
import { lossAxis, lrTicks, rangeTestLines } from './rangeTestChartData';
import { RangeTestKeys } from './RangeTestKeys';
import { RepeatBands, SuggestionIntervals } from './RangeTestRepeatLayers';
import { SUGGESTION_TEXT, type RangeTestPicks } from './rangeTestAnalysis';
import type { RepeatsView } from './rangeTestRepeatsView';
import { rangeTestSummary } from './rangeTestSummary';
import { RangeTestMarks, RangeTestRegions } from './RangeTestMarks';
import { useMaxLrDrag } from './useMaxLrDrag';
import { useRangeTestAnalysis } from './useRangeTestAnalysis';
import { useChartHeight } from '../charts/useChartHeight';

const TITLE = 'Range test: loss and accuracy against learning rate';
const NAME = 'Range test chart';
const PLOT_HEIGHT = 360;
/** Plot height beside the live charts (a tile of their 2×2 grid) while a run is on. */
const COMPACT_PLOT_HEIGHT = 170;
const LOSS_RAW = SERIES_COLORS.rangeLossRaw;
const LOSS = SERIES_COLORS.rangeLoss;
const ACCURACY_RAW = SERIES_COLORS.rangeAccuracyRaw;
const ACCURACY = SERIES_COLORS.rangeAccuracy;
const HELD_OUT = SERIES_COLORS.heldOut;
const ACCURACY_AXIS = niceLinearAxis(0, 1);
const LR_X: ReadoutX = { format: (lr) => `LR ${formatRate(lr)}`, log: true };

const formatLoss = (value: number) => String(Number(value.toPrecision(3)));
const percent = (value: number) => `${Math.round(value * 100)}%`;
const percentFine = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The keys under a repeated test name each rule's median over the repeats. */
function medianPicks(picks: RangeTestPicks, view: RepeatsView): RangeTestPicks {
  return {
    ...picks,
    suggestions: view.intervals.map(({ id, spread }) => ({
      id,
      ...SUGGESTION_TEXT[id],
      lr: spread.median,
      index: -1,
    })),
  };
}

/**
 * Smith's range-test plot: raw and smoothed loss (left axis) and accuracy (right axis) against
 * the LR on a log axis, with the suggestions, the regions, the stop point and the schedule's
 * current bounds. Clicking or dragging on it sets Max LR, and Base LR = Max LR / ratio.
 */
export function RangeTestChart({ compact = false }: { compact?: boolean }) {
  // Compact (beside the training charts): grows with the window as they do.
  const compactHeight = useChartHeight(COMPACT_PLOT_HEIGHT);
  const { recorded, picks, curve, repeated } = useRangeTestAnalysis();
  const status = useAppStore((state) => state.rangeTest.status);
  const end = useAppStore((state) => state.rangeTest.end);
  const endLr = useAppStore(
    (state) => (state.rangeTest.ranWith?.config ?? state.rangeTest.config).endLr,
  );
  const overlays = useRangeTestOverlays();
  const lines = useMemo(() => rangeTestLines(recorded, curve), [recorded, curve]);
  const numPoints = recorded.lrs.length;
  const running = status === 'running';
  const last = recorded.lrs[numPoints - 1];
  // While running, keep the whole sweep in view so the curve grows into it.
  const domain = sweepSpan(
    overlays,
    numPoints > 0 ? [recorded.lrs[0], running && endLr > last ? endLr : last] : null,
  );
  const drag = useMaxLrDrag(domain);

  if (numPoints === 0 && overlays.length === 0) {
    return (
      <figure
        className="chart range-test-chart range-test-empty"
        aria-label={NAME}
        data-testid="range-test-chart"
      >
        <p>
          {running
            ? 'Waiting for the first steps of the range test…'
            : 'No range test yet. Click "Run range test" to sweep the learning rate and see where the loss falls fastest.'}
        </p>
      </figure>
    );
  }

  const loss = lossAxis([...(numPoints > 0 ? [curve] : []), ...overlays.map((run) => run.curve)]);
  const bandWord = repeated?.loss.kind === 'interquartile' ? 'interquartile' : 'min–max';
  const legend: LegendItem[] = [
    ...(repeated
      ? ([
          {
            label: `Loss: median of ${repeated.numRepeats}, ${bandWord} band`,
            color: LOSS,
            mark: 'line',
          },
          {
            label: `Accuracy: median of ${repeated.numRepeats}, ${bandWord} band`,
            color: ACCURACY,
            mark: 'line',
          },
        ] as const)
      : numPoints > 0
        ? ([
            { label: 'Loss (raw)', color: LOSS_RAW, mark: 'noisy' },
            { label: 'Loss (smoothed)', color: LOSS, mark: 'line' },
            { label: 'Batch accuracy (raw)', color: ACCURACY_RAW, mark: 'noisy' },
            { label: 'Batch accuracy (smoothed)', color: ACCURACY, mark: 'line' },
          ] as const)
        : []),
    ...(lines.heldOut
      ? [{ label: 'Held-out accuracy', color: HELD_OUT, mark: 'line' } as const]
      : []),
    ...overlayLegend(overlays),
  ];

  return (
    <ChartFigure
      title={TITLE}
      label={NAME}
      summary={
        repeated
          ? `${repeated.numRepeats} repeated range tests: the median smoothed loss and accuracy with a ${bandWord} band, and each suggestion's interval.`
          : rangeTestSummary(recorded.lrs, curve, picks)
      }
      table={() =>
        seriesTable({ label: 'Learning rate', format: formatRate, log: true }, [
          { label: 'Loss (raw)', series: lines.raw, format: formatLoss },
          { label: 'Loss (smoothed)', series: lines.smoothed, format: formatLoss },
          { label: 'Accuracy (smoothed)', series: lines.smoothedAccuracy, format: percentFine },
        ])
      }
      testId="range-test-chart"
      className={compact ? 'range-test-chart range-test-compact' : 'range-test-chart'}
      legend={legend}
      footer={
        <RangeTestKeys
          picks={repeated ? medianPicks(picks, repeated) : picks}
          overlays={overlays}
        />
      }
    >
      <div className="range-test-plot" {...drag.handlers}>
        <ResponsiveContainer width="100%" height={compact ? compactHeight : PLOT_HEIGHT}>
          <ComposedChart
            accessibilityLayer={false}
            // Room above the plot for where the test stopped (see StopLabel).
            margin={{ ...CHART_MARGIN, top: 18, bottom: 20 }}
          >
            <PlotAreaProbe areaRef={drag.plotAreaRef} />
            {GRID}
            {valueXAxis({
              domain,
              ticks: lrTicks(domain),
              format: formatRate,
              label: 'Learning rate (log scale)',
              log: true,
              textSize: PAGE_TEXT,
            })}
            <ValueAxis
              textSize={PAGE_TEXT}
              axis={loss}
              format={formatLoss}
              yAxisId="loss"
              label="Loss"
            />
            <ValueAxis
              textSize={PAGE_TEXT}
              axis={ACCURACY_AXIS}
              format={percent}
              yAxisId="accuracy"
              side="right"
              label="Accuracy"
            />
            {running || repeated ? null : <RangeTestRegions curve={curve} />}
            <PlotClip>
              {repeated ? (
                <RepeatBands view={repeated} />
              ) : (
                <>
                  <SeriesPath series={lines.raw} color={LOSS_RAW} width={1} yAxisId="loss" />
                  <SeriesPath series={lines.smoothed} color={LOSS} width={2.5} yAxisId="loss" />
                  <SeriesPath
                    series={lines.accuracy}
                    color={ACCURACY_RAW}
                    width={1}
                    yAxisId="accuracy"
                  />
                  <SeriesPath
                    series={lines.smoothedAccuracy}
                    color={ACCURACY}
                    width={2}
                    yAxisId="accuracy"
                  />
                  {lines.heldOut ? (
                    <SeriesPath series={lines.heldOut} color={HELD_OUT} yAxisId="accuracy" />
                  ) : null}
                </>
              )}
              <RangeTestOverlayPaths overlays={overlays} />
            </PlotClip>
            {repeated ? <SuggestionIntervals view={repeated} /> : null}
            <RangeTestMarks
              curve={curve}
              picks={repeated ? { ...picks, suggestions: [] } : picks}
              lrs={recorded.lrs}
              stoppedAt={end?.reason === 'stopped' && status === 'done' ? last : null}
            />
            <HoverReadout
              x={LR_X}
              lines={[
                { label: 'Loss (raw)', series: lines.raw, color: LOSS_RAW, format: formatLoss },
                {
                  label: 'Loss (smoothed)',
                  series: lines.smoothed,
                  color: LOSS,
                  format: formatLoss,
                },
                {
                  label: 'Accuracy (smoothed)',
                  series: lines.smoothedAccuracy,
                  color: ACCURACY,
                  format: percentFine,
                },
                ...(lines.heldOut
                  ? [
                      {
                        label: 'Held-out',
                        series: lines.heldOut,
                        color: HELD_OUT,
                        format: percentFine,
                      },
                    ]
                  : []),
              ]}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </ChartFigure>
  );
}
