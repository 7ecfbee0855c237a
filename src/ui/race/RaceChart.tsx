import { useState } from 'react';
import { ComposedChart, ResponsiveContainer } from 'recharts';
import { accuracyAxis } from '../charts/axisTicks';
import { ChartFigure } from '../charts/ChartFigure';
import type { LegendItem } from '../charts/ChartLegend';
import { CHART_HEIGHT, CHART_MARGIN, GRID, ValueAxis, iterationAxis } from '../charts/chartAxes';
import { HoverReadout } from '../charts/HoverReadout';
import { PlotClip } from '../charts/PlotClip';
import { SeriesPath } from '../charts/SeriesPath';
import { validationSeries } from '../training/validationSeries';
import type { RaceLeg } from '../store/raceSlice';
import { LEG_COLORS, SERIES_COLORS } from '../charts/palette';

const TARGET_COLOR = SERIES_COLORS.raceTarget;

const formatPercent = (value: number) => `${(value * 100).toFixed(1)}%`;
const formatPercentReadout = (value: number) => `${(value * 100).toFixed(2)}%`;

/** Every leg's validation accuracy against iteration, one colour per leg, and the target line. */
export function RaceChart({
  legs,
  numIterations,
  target,
}: {
  legs: readonly RaceLeg[];
  numIterations: number;
  /** Fraction, 0–1. */
  target: number;
}) {
  const [zoom, setZoom] = useState(true);
  const curves = legs.map((leg, i) => ({
    leg,
    color: LEG_COLORS[i % LEG_COLORS.length],
    series: validationSeries(leg.validations),
  }));
  const measured = curves.filter((curve) => curve.series.xs.length > 0);
  // Zoomed: the axis fits what comes after the first quarter (the early climb hides the race).
  const axis = accuracyAxis(
    measured.map((curve) => curve.series),
    zoom ? numIterations / 4 : 0,
  );
  const targetLine = { xs: [0, numIterations], ys: [target, target] };
  const legend: LegendItem[] = [
    ...curves.map((curve) => ({
      label: curve.leg.label,
      color: curve.color,
      mark: curve.leg.status === 'cancelled' ? ('dashed' as const) : ('dots' as const),
    })),
    { label: `Target ${formatPercent(target)}`, color: TARGET_COLOR, mark: 'dashed' },
  ];

  return (
    <ChartFigure
      title="Validation accuracy by leg"
      label="Race chart"
      testId="race-chart"
      legend={legend}
      emptyNote={measured.length === 0 ? 'Curves appear at each leg’s first validation.' : null}
      controls={
        <label className="inline training-chart-toggle">
          <input
            type="checkbox"
            checked={zoom}
            onChange={(event) => setZoom(event.target.checked)}
            aria-label="Zoom race accuracy"
          />
          Zoom
        </label>
      }
    >
      <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
        <ComposedChart accessibilityLayer={false} margin={CHART_MARGIN}>
          {GRID}
          {iterationAxis(Math.max(2, numIterations), undefined, 'Iteration (of each leg)')}
          <ValueAxis axis={axis} format={formatPercent} />
          <PlotClip>
            <SeriesPath series={targetLine} color={TARGET_COLOR} dash="5 4" width={1} />
            {measured.map((curve) => (
              <SeriesPath
                key={curve.leg.id}
                series={curve.series}
                color={curve.color}
                width={2}
                dash={curve.leg.status === 'cancelled' ? '4 3' : undefined}
                dotRadius={2}
              />
            ))}
          </PlotClip>
          <HoverReadout
            lines={measured.map((curve) => ({
              label: curve.leg.label,
              series: curve.series,
              color: curve.color,
              format: formatPercentReadout,
            }))}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}
