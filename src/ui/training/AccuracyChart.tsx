import { useMemo, useState } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { FASTAI_SMOOTHING, smoothLosses } from '../../core';
import { trainingSeries } from '../series/runSeries';
import { ChartFigure } from './ChartFigure';
import type { LegendItem } from './ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, valueAxis } from './chartParts';
import { CycleMarks } from './CycleMarks';
import { SeriesMarkers } from './SeriesMarkers';
import { SeriesPath } from './SeriesPath';
import {
  accuracyDomain,
  accuracySummary,
  bestPerCycle,
  ensembleSeries,
  sampleSteps,
  validationSeries,
} from './trainingChartData';
import { useSeriesMemo } from './useSeriesMemo';
import type { TrainingView } from './useTrainingView';

const TRAIN = '#94a3b8';
const VALIDATION = '#15803d';
const BEST = '#b45309';
const ENSEMBLE = '#7c3aed';
/** Up to this many validations, each gets a dot on the validation line. */
const MAX_VALIDATION_DOTS = 120;

/** The accuracy chart's data, all read from the series at one version. */
function accuracyData() {
  const validations = trainingSeries.validations;
  const { xs, ys } = sampleSteps(
    { accuracy: smoothLosses(trainingSeries.accuracy.view(), FASTAI_SMOOTHING) },
    'accuracy',
  );
  return {
    train: { xs, ys: ys.accuracy },
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
  const [zoom, setZoom] = useState(false);
  const data = useSeriesMemo(view.seriesVersion, accuracyData);
  const cyclic = view.boundaries.length > 0;
  const [lo, hi] = accuracyDomain(
    [data.train, data.validation, data.ensemble],
    zoom ? view.recorded / 4 : 0,
  );
  const yAxis = useMemo(() => {
    const digits = hi - lo < 0.03 ? 1 : 0;
    return valueAxis([lo, hi], (value) => `${(value * 100).toFixed(digits)}%`);
  }, [lo, hi]);
  const legend: LegendItem[] = [
    { label: 'Train (smoothed)', color: TRAIN, mark: 'line' },
    { label: 'Validation', color: VALIDATION, mark: 'dots' },
    ...(cyclic ? [{ label: 'Best of cycle', color: BEST, mark: 'star' } as const] : []),
    ...(data.ensemble.xs.length > 0
      ? [{ label: 'Snapshot ensemble', color: ENSEMBLE, mark: 'diamond' } as const]
      : []),
  ];

  return (
    <ChartFigure
      title="Accuracy"
      label="Training and validation accuracy by iteration"
      testId="accuracy-chart"
      legend={legend}
      emptyNote={data.train.xs.length === 0 ? 'Accuracy appears here once training starts.' : null}
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
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart margin={CHART_MARGIN}>
          {GRID}
          {view.xAxis}
          {yAxis}
          <CycleMarks
            boundaries={view.boundaries}
            numIterations={view.numIterations}
            style="bands"
          />
          <SeriesPath series={data.train} color={TRAIN} />
          <SeriesPath
            series={data.validation}
            color={VALIDATION}
            width={2}
            dotRadius={data.validation.xs.length <= MAX_VALIDATION_DOTS ? 2 : undefined}
          />
          {cyclic ? <SeriesMarkers series={data.best} shape="star" color={BEST} size={70} /> : null}
          <SeriesMarkers series={data.ensemble} shape="diamond" color={ENSEMBLE} joined />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
