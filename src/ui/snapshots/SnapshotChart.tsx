import { useMemo } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { niceLinearAxis } from '../charts/axisTicks';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_MARGIN, GRID, ValueAxis, valueXAxis } from '../charts/chartAxes';
import { HoverReadout, type ReadoutX } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesMarkers } from '../charts/SeriesMarkers';
import { SeriesPath } from '../charts/SeriesPath';
import { SERIES_COLORS } from '../charts/palette';
import { curveSeries, type CycleEndEnsembles } from './snapshotCurves';

const PLOT_HEIGHT = 220;
/** Green for the single model, violet for the ensembles (the accuracy chart's colours). */
const SINGLE = SERIES_COLORS.snapshotSingle;
const LATEST = SERIES_COLORS.snapshotLatest;
const EARLIER = SERIES_COLORS.snapshotEarlier;
const M_X: ReadoutX = { format: (m) => (m === 1 ? 'm = 1 (single model)' : `m = ${m}`) };

const axisPercent = (value: number) => `${Number((value * 100).toFixed(1))}%`;
const readoutPercent = (value: number) => `${(value * 100).toFixed(2)}%`;

/**
 * One line per cycle end: the accuracy of the ensemble of its newest m snapshots against m,
 * the newest cycle end in full colour, with each single model (m = 1) as a green dot.
 */
export function SnapshotChart({ shown }: { shown: readonly CycleEndEnsembles[] }) {
  const latest = shown[shown.length - 1];
  const colorOf = (end: CycleEndEnsembles) => (end === latest ? LATEST : EARLIER);
  const curves = shown.map((end) => ({ end, series: curveSeries(end) }));
  const numM = Math.max(0, ...shown.map((end) => end.byM.length));
  const values = shown.flatMap((end) => end.byM);
  const axis = niceLinearAxis(Math.min(...values), Math.min(1, Math.max(...values)));
  const singles = { xs: shown.map(() => 1), ys: shown.map((end) => end.single) };
  const xAxis = useMemo(
    () =>
      valueXAxis({
        domain: [1, Math.max(2, numM)],
        ticks: Array.from({ length: numM }, (_, i) => i + 1),
        format: String,
        label: 'Snapshots in the ensemble (m, newest first)',
        padding: 12,
      }),
    [numM],
  );
  const legend: LegendItem[] = [
    { label: `Cycle ${latest.cycleNum} (newest)`, color: LATEST, mark: 'line' },
    ...(shown.length > 1
      ? [{ label: 'Earlier cycle ends', color: EARLIER, mark: 'line' } as const]
      : []),
    { label: 'Single model (m = 1)', color: SINGLE, mark: 'dots' },
  ];

  return (
    <ChartFigure
      title="Ensemble of the last m snapshots"
      label="Snapshot ensemble chart"
      testId="snapshot-chart"
      legend={legend}
    >
      <ResponsiveContainer width="100%" height={PLOT_HEIGHT}>
        <ComposedChart accessibilityLayer={false} margin={{ ...CHART_MARGIN, bottom: 22 }}>
          {GRID}
          {xAxis}
          <ValueAxis axis={axis} format={axisPercent} />
          <PlotClip>
            {curves.map(({ end, series }) => (
              <SeriesPath
                key={end.cycleNum}
                series={series}
                color={colorOf(end)}
                width={end === latest ? 2.5 : 1.5}
                dotRadius={2.5}
              />
            ))}
            <SeriesMarkers series={singles} shape="circle" color={SINGLE} size={50} />
          </PlotClip>
          <HoverReadout
            x={M_X}
            lines={[...curves].reverse().map(({ end, series }) => ({
              label: `Cycle ${end.cycleNum}`,
              series,
              color: colorOf(end),
              format: readoutPercent,
            }))}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
