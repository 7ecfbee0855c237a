import { useMemo } from 'react';
import { FASTAI_SMOOTHING, smoothLosses } from '../../core';
import type { LegendItem } from '../charts/ChartLegend';
import { MAX_CHART_POINTS, minMaxIndices, sampleSteps } from '../charts/downsample';
import { OVERLAY_COLORS } from '../charts/palette';
import type { XYSeries } from '../charts/seriesGeometry';
import { shapeCurve, type RangeTestCurve } from '../rangeTest/rangeTestAnalysis';
import { useAppStore } from '../store';
import { validationSeries } from '../training/validationSeries';
import type { RangeTestRecord, RunRecord, TrainingRecord } from './runRecord';

/**
 * The colour of each shown run: shown runs take the palette in the order they were run, so
 * pinning or renaming never changes a colour and up to eight shown runs never share one.
 */
export function overlayColors(list: readonly RunRecord[]): Map<string, string> {
  const shown = list.filter((run) => run.shown).sort((a, b) => a.startedAt - b.startedAt);
  return new Map(shown.map((run, i) => [run.id, OVERLAY_COLORS[i % OVERLAY_COLORS.length]]));
}

export interface TrainingOverlay {
  id: string;
  name: string;
  color: string;
  numSteps: number;
  lr: XYSeries;
  /** Debiased EMA (beta 0.98) of the loss, as the live loss chart smooths it. */
  loss: XYSeries;
  /** Batch accuracy with the same smoothing, as the live accuracy chart shows it. */
  trainAccuracy: XYSeries;
  validation: XYSeries;
}

export interface RangeTestOverlay {
  id: string;
  name: string;
  color: string;
  /** Smoothed loss against LR, downsampled for drawing. */
  loss: XYSeries;
  /** The full curve, smoothed with the chart's beta: what the loss axis is fitted to. */
  curve: RangeTestCurve;
  lrs: Float64Array;
}

type TrainingLines = Omit<TrainingOverlay, 'id' | 'name' | 'color'>;
// Series never change once kept: their drawn lines are worked out once per run (and beta).
const trainingLines = new WeakMap<TrainingRecord['series'], TrainingLines>();
const rangeTestLines = new WeakMap<
  RangeTestRecord['series'],
  { beta: number; lines: Pick<RangeTestOverlay, 'loss' | 'curve' | 'lrs'> }
>();

function linesOfTraining(record: TrainingRecord): TrainingLines {
  const cached = trainingLines.get(record.series);
  if (cached) return cached;
  const { lr, loss, accuracy } = record.series;
  const sampled = sampleSteps(
    {
      lr,
      loss: smoothLosses(loss, FASTAI_SMOOTHING),
      accuracy: smoothLosses(accuracy, FASTAI_SMOOTHING),
    },
    'loss',
    MAX_CHART_POINTS,
  );
  const lines: TrainingLines = {
    numSteps: lr.length,
    lr: { xs: sampled.xs, ys: sampled.ys.lr },
    loss: { xs: sampled.xs, ys: sampled.ys.loss },
    trainAccuracy: { xs: sampled.xs, ys: sampled.ys.accuracy },
    validation: validationSeries(record.validations),
  };
  trainingLines.set(record.series, lines);
  return lines;
}

function linesOfRangeTest(record: RangeTestRecord, beta: number) {
  const cached = rangeTestLines.get(record.series);
  if (cached && cached.beta === beta) return cached.lines;
  const { lr, loss, accuracy } = record.series;
  const curve = shapeCurve(
    { lrs: lr, losses: loss, accuracies: accuracy },
    { beta, divergeFactor: record.config.divergeFactor, learningStartsAt: null },
  );
  const picked = minMaxIndices(curve.smoothed, MAX_CHART_POINTS, 0, curve.numFinite);
  const lines = {
    curve,
    lrs: lr,
    loss: {
      xs: Float64Array.from(picked, (k) => lr[k]),
      ys: Float64Array.from(picked, (k) => curve.smoothed[k]),
    },
  };
  rangeTestLines.set(record.series, { beta, lines });
  return lines;
}

/** The shown kept training runs, ready to draw on the training charts. */
export function useTrainingOverlays(): TrainingOverlay[] {
  const list = useAppStore((state) => state.runs.list);
  return useMemo(() => {
    const colors = overlayColors(list);
    return list.flatMap((run) => {
      const color = colors.get(run.id);
      if (run.kind !== 'training' || !color) return [];
      return [{ id: run.id, name: run.name, color, ...linesOfTraining(run) }];
    });
  }, [list]);
}

/** The shown kept range tests, smoothed like the live one, ready to draw on its chart. */
export function useRangeTestOverlays(): RangeTestOverlay[] {
  const list = useAppStore((state) => state.runs.list);
  const beta = useAppStore((state) => state.rangeTest.smoothing);
  return useMemo(() => {
    const colors = overlayColors(list);
    return list.flatMap((run) => {
      const color = colors.get(run.id);
      if (run.kind !== 'rangeTest' || !color) return [];
      return [{ id: run.id, name: run.name, color, ...linesOfRangeTest(run, beta) }];
    });
  }, [list, beta]);
}

/** One legend entry per overlaid run, in its colour. */
export function overlayLegend(overlays: readonly { name: string; color: string }[]): LegendItem[] {
  return overlays.map((run) => ({ label: run.name, color: run.color, mark: 'line' }));
}

/** Steps of the longest shown kept training run (0 when none): the iteration axis spans it. */
export function longestShownTraining(list: readonly RunRecord[]): number {
  let longest = 0;
  for (const run of list) {
    if (run.kind === 'training' && run.shown) longest = Math.max(longest, run.series.lr.length);
  }
  return longest;
}

/**
 * The LR range a range-test chart spans: the live sweep's (`live`, null before one) widened to
 * every shown kept test.
 */
export function sweepSpan(
  overlays: readonly RangeTestOverlay[],
  live: [number, number] | null,
): [number, number] {
  let [lo, hi] = live ?? [Infinity, -Infinity];
  for (const { lrs } of overlays) {
    if (lrs.length === 0) continue;
    lo = Math.min(lo, lrs[0]);
    hi = Math.max(hi, lrs[lrs.length - 1]);
  }
  return [lo, Math.max(hi, lo * 1.01)];
}
