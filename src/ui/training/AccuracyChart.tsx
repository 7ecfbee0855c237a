import { useState } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { FASTAI_SMOOTHING, smoothLosses } from '../../core';
import { overlayLegend, useTrainingOverlays } from '../runs/runOverlays';
import { trainingSeries } from '../series/runSeries';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, ValueAxis } from '../charts/chartAxes';
import { useChartHeight } from '../charts/useChartHeight';
import { CycleMarks } from '../charts/CycleMarks';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesMarkers } from '../charts/SeriesMarkers';
import { SeriesPath } from '../charts/SeriesPath';
import { accuracyAxis } from '../charts/axisTicks';
import { sampleSteps } from '../charts/downsample';
import {
  accuracySummary,
  bestPerCycle,
  ensembleSeries,
  validationSeries,
} from './validationSeries';
import { useSeriesMemo } from '../charts/useSeriesMemo';
import { seriesTable } from '../charts/chartTable';
import { SERIES_COLORS } from '../charts/palette';
import { formatCount } from '../format';
import { accuracyChartSummary } from './trainingSummaries';
import type { TrainingView } from './useTrainingView';

const TRAIN = SERIES_COLORS.trainAccuracy;
const VALIDATION = SERIES_COLORS.validation;
const BEST = SERIES_COLORS.cycleBest;
const ENSEMBLE = SERIES_COLORS.ensemble;
/** The neutral colour of the key to the kept runs' line styles. */
const KEPT_KEY = '#475569';
/** Up to this many validations, each gets a dot on the validation line. */
const MAX_VALIDATION_DOTS = 120;

function formatPercent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function formatPercentFine(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

function formatPercentReadout(value: number): string {
  return `${(value * 100).toFixed(2)}%`;
}

/** The accuracy chart's data, all read from the series at one version. */
function accuracyData() {
  const validations = trainingSeries.validations;
  // Batch accuracy is as noisy as batch loss: the same debiased EMA (beta 0.98) smooths it.
  const { xs, ys } = sampleSteps(
    { accuracy: smoothLosses(trainingSeries.accuracy.view(), FASTAI_SMOOTHING) },
    'accuracy',
  );
  const train = { xs, ys: ys.accuracy };
  return {
    train,
    description: accuracyChartSummary(train, validations),
    validation: validationSeries(validations),
    best: bestPerCycle(validations),
    ensemble: ensembleSeries(validations),
    summary: accuracySummary(validations),
  };
}

/**
 * Training accuracy (smoothed) and validation accuracy, with every other cycle shaded, each
 * cycle's best validation starred and the snapshot ensemble's accuracy at cycle ends.
 */
export function AccuracyChart({ view }: { view: TrainingView }) {
  const height = useChartHeight(CHART_HEIGHT);
  const [zoom, setZoom] = useState(false);
  const data = useSeriesMemo(view.seriesVersion, accuracyData);
  const overlays = useTrainingOverlays();
  const cyclic = view.boundaries.length > 0;
  // Zoomed: the axis fits what comes after the first quarter of the run (the fast early climb).
  const axis = accuracyAxis(
    [
      data.train,
      data.validation,
      data.ensemble,
      ...overlays.flatMap((run) => [run.trainAccuracy, run.validation]),
    ],
    zoom ? view.recorded / 4 : 0,
  );
  const fine = axis.domain[1] - axis.domain[0] < 0.05;
  const legend: LegendItem[] = [
    { label: 'Train', color: TRAIN, mark: 'line' },
    { label: 'Validation', color: VALIDATION, mark: 'dots' },
    ...(cyclic ? [{ label: 'Cycle best', color: BEST, mark: 'star' } as const] : []),
    ...(data.ensemble.xs.length > 0
      ? [{ label: 'Snapshot ensemble', color: ENSEMBLE, mark: 'diamond' } as const]
      : []),
    ...overlayLegend(overlays),
    // Each kept run draws two lines in its colour: say which is which.
    ...(overlays.length > 0
      ? ([
          { label: 'Kept runs: train', color: KEPT_KEY, mark: 'dashed' },
          { label: 'Kept runs: validation', color: KEPT_KEY, mark: 'line' },
        ] as const)
      : []),
  ];

  return (
    <ChartFigure
      title="Accuracy"
      label="Accuracy chart"
      testId="accuracy-chart"
      legend={legend}
      summary={data.description}
      table={() =>
        seriesTable({ label: 'Iteration', format: formatCount }, [
          { label: 'Train (smoothed)', series: data.train, format: formatPercentReadout },
          { label: 'Validation', series: data.validation, format: formatPercentReadout },
          { label: 'Ensemble', series: data.ensemble, format: formatPercentReadout },
        ])
      }
      emptyNote={
        data.train.xs.length === 0 && overlays.length === 0
          ? 'Accuracy appears here once training starts.'
          : null
      }
      controls={
        <>
          {data.summary ? <span className="training-chart-summary">{data.summary}</span> : null}
          <label className="inline training-chart-toggle">
            <input
              type="checkbox"
              checked={zoom}
              onChange={(event) => setZoom(event.target.checked)}
              aria-label="Zoom accuracy"
            />
            Zoom
          </label>
        </>
      }
    >
      <ResponsiveContainer width="100%" height={height}>
        <ComposedChart accessibilityLayer={false} margin={CHART_MARGIN}>
          {GRID}
          {view.xAxis}
          <ValueAxis axis={axis} format={fine ? formatPercentFine : formatPercent} />
          <CycleMarks
            boundaries={view.boundaries}
            numIterations={view.numIterations}
            style="bands"
          />
          <PlotClip>
            {overlays.map((run) => (
              <g key={run.id}>
                <SeriesPath series={run.trainAccuracy} color={run.color} width={1} dash="4 3" />
                <SeriesPath series={run.validation} color={run.color} width={2} />
              </g>
            ))}
            <SeriesPath series={data.train} color={TRAIN} />
            <SeriesPath
              series={data.validation}
              color={VALIDATION}
              width={2}
              dotRadius={data.validation.xs.length <= MAX_VALIDATION_DOTS ? 2 : undefined}
            />
            {cyclic ? (
              <SeriesMarkers series={data.best} shape="star" color={BEST} size={70} />
            ) : null}
            <SeriesMarkers series={data.ensemble} shape="diamond" color={ENSEMBLE} joined />
          </PlotClip>
          <HoverReadout
            lines={[
              { label: 'Train', series: data.train, color: TRAIN, format: formatPercentReadout },
              {
                label: 'Validation',
                series: data.validation,
                color: VALIDATION,
                format: formatPercentReadout,
              },
              {
                label: 'Ensemble',
                series: data.ensemble,
                color: ENSEMBLE,
                format: formatPercentReadout,
              },
            ]}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
