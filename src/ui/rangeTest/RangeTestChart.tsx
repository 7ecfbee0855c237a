import { useLayoutEffect, useMemo, useRef, type PointerEvent, type RefObject } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceDot,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  usePlotArea,
} from 'recharts';
import { ChartPngButton } from '../charts/ChartPngButton';
import { minMaxIndices } from '../charts/downsample';
import { formatRate } from '../format';
import { RangeTestOverlayPaths } from '../runs/RangeTestOverlayPaths';
import { overlayLegend, sweepSpan, useRangeTestOverlays } from '../runs/runOverlays';
import { rangeTestSeries } from '../series/runSeries';
import type { RangeTestConfig } from '../../worker/contract';
import { useAppStore } from '../store';
import {
  boundsFromMaxLr,
  pickLrs,
  shapeCurve,
  type RangeTestCurve,
  type RangeTestPicks,
  type RegionKind,
  type SuggestionId,
} from './rangeTestAnalysis';

/** Display budget per series: a crisp line at any width, cheap to redraw at 10 Hz. */
const MAX_POINTS = 1500;

/** One colour per suggestion, shared by the chart's dots and the panel's list. */
export const SUGGESTION_COLORS: Record<SuggestionId, string> = {
  steep: '#0e7490',
  valley: '#15803d',
  minimum: '#7c3aed',
  slide: '#64748b',
  steepestGradient: '#db2777',
  accuracy: '#b45309',
};

const REGION_STYLE: Record<RegionKind, { label: string; fill: string; opacity: number }> = {
  tooLow: { label: 'too low', fill: '#94a3b8', opacity: 0.16 },
  learning: { label: 'learning', fill: '#22c55e', opacity: 0.1 },
  diverging: { label: 'diverging', fill: '#ef4444', opacity: 0.1 },
};

const STOP_LABEL = { diverged: 'diverged', nonFinite: 'loss not finite' } as const;

interface RecordedRangeTest {
  lrs: Float64Array;
  losses: Float64Array;
  accuracies: Float64Array;
  /** Present when the test measured a held-out batch. */
  heldOutAccuracies: Float64Array | null;
}

/** Copies the first `numPoints` recorded steps (buffer views are invalidated as they grow). */
function snapshotRangeTest(numPoints: number): RecordedRangeTest {
  const heldOut = rangeTestSeries.heldOutAccuracy.view().slice(0, numPoints);
  return {
    lrs: rangeTestSeries.lr.view().slice(0, numPoints),
    losses: rangeTestSeries.loss.view().slice(0, numPoints),
    accuracies: rangeTestSeries.accuracy.view().slice(0, numPoints),
    heldOutAccuracies: heldOut.some(Number.isFinite) ? heldOut : null,
  };
}

/**
 * The sweep the recorded test ran with, captured as it starts, so settings edited afterwards do
 * not move its picks (fastai trims numIt // 10). Null until a test starts; the live settings
 * stand in.
 */
let ranWith: RangeTestConfig | null = null;
useAppStore.subscribe((state, previous) => {
  if (state.rangeTest.status === 'running' && previous.rangeTest.status !== 'running') {
    ranWith = state.rangeTest.config;
  }
});

/** What a running test shows: its picks move with every step, so none are offered yet. */
const NO_PICKS: RangeTestPicks = {
  suggestions: [],
  omitted: [],
  recommended: null,
  learningStartsAt: null,
};

/**
 * The recorded range test, its picks and its drawn curve. The length selector re-reads the
 * buffer on every store update (seriesVersion bumps), so this re-renders only when the test
 * grows. Picks wait for the test to end; the curve re-smooths at once when Smoothing moves.
 */
export function useRangeTestAnalysis(): {
  recorded: RecordedRangeTest;
  picks: RangeTestPicks;
  curve: RangeTestCurve;
} {
  const numPoints = useAppStore(() => rangeTestSeries.loss.length);
  const running = useAppStore((state) => state.rangeTest.status === 'running');
  const beta = useAppStore((state) => state.rangeTest.smoothing);
  const numIt = useAppStore((state) => (ranWith ?? state.rangeTest.config).numIter);
  const divergeFactor = useAppStore((state) => (ranWith ?? state.rangeTest.config).divergeFactor);
  const recorded = useMemo(() => snapshotRangeTest(numPoints), [numPoints]);
  const picks = useMemo(
    () => (running ? NO_PICKS : pickLrs(recorded, numIt)),
    [running, recorded, numIt],
  );
  const curve = useMemo(
    () => shapeCurve(recorded, { beta, divergeFactor, learningStartsAt: picks.learningStartsAt }),
    [recorded, beta, divergeFactor, picks],
  );
  return { recorded, picks, curve };
}

/** Legend and tooltip order: loss first, then accuracy. */
const SERIES_ORDER = ['raw', 'smoothed', 'accuracy', 'smoothedAccuracy', 'heldOut'];

interface ChartRow {
  lr: number;
  raw?: number;
  smoothed?: number;
  accuracy?: number;
  smoothedAccuracy?: number;
  heldOut?: number;
}

/** Rows at the union of each series' min/max indices; a series is set only at its own indices. */
function chartRows(recorded: RecordedRangeTest, curve: RangeTestCurve): ChartRow[] {
  const n = recorded.lrs.length;
  const series: [keyof Omit<ChartRow, 'lr'>, Float64Array][] = [
    ['raw', recorded.losses],
    ['smoothed', curve.smoothed],
    ['accuracy', recorded.accuracies],
    ['smoothedAccuracy', curve.smoothedAccuracy],
  ];
  if (recorded.heldOutAccuracies) series.push(['heldOut', recorded.heldOutAccuracies]);
  const rows = new Map<number, ChartRow>();
  for (const [key, values] of series) {
    for (const i of minMaxIndices(values, MAX_POINTS, 0, Math.min(n, values.length))) {
      if (!Number.isFinite(values[i])) continue;
      let row = rows.get(i);
      if (!row) rows.set(i, (row = { lr: recorded.lrs[i] }));
      row[key] = values[i];
    }
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
}

/** A round number at or above `value`, so the loss axis ends on a tick. */
function niceCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/**
 * The loss axis's top: the smoothed curve up to its minimum stays in view with some room; raw
 * spikes and the blow-up after the minimum run off the top.
 */
function lossTop(curve: RangeTestCurve): number {
  if (curve.minIndex === null) return 1;
  let top = 2 * curve.smoothed[curve.minIndex];
  for (let k = 0; k <= curve.minIndex; k++) top = Math.max(top, 1.2 * curve.smoothed[k]);
  return niceCeil(top > 0 ? top : 1);
}

/** Evenly spaced round ticks from 0 to `top` (at most 6 intervals). */
function lossTicks(top: number): number[] {
  const power = 10 ** Math.floor(Math.log10(top));
  const step =
    [0.1, 0.2, 0.25, 0.5, 1, 2]
      .map((m) => m * power)
      .find(
        (candidate) =>
          top / candidate <= 6 && Math.abs(top / candidate - Math.round(top / candidate)) < 1e-9,
      ) ?? top;
  return Array.from({ length: Math.round(top / step) + 1 }, (_, i) =>
    Number((i * step).toPrecision(6)),
  );
}

/** Powers of ten inside [lo, hi], or undefined (automatic ticks) when fewer than two fit. */
function decadeTicks(lo: number, hi: number): number[] | undefined {
  const ticks: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) ticks.push(10 ** e);
  return ticks.length >= 2 ? ticks : undefined;
}

/** The recorded step whose LR is nearest (in log terms) to `lr`. */
function nearestIndex(lrs: Float64Array, lr: number): number {
  let best = 0;
  for (let k = 1; k < lrs.length; k++) {
    if (Math.abs(Math.log(lrs[k] / lr)) < Math.abs(Math.log(lrs[best] / lr))) best = k;
  }
  return best;
}

interface PlotBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Hands the chart's plot area (pixels inside the chart) to the pointer handlers. */
function PlotAreaProbe({ areaRef }: { areaRef: RefObject<PlotBox | null> }) {
  const area = usePlotArea();
  useLayoutEffect(() => {
    areaRef.current = area ?? null;
  }, [area, areaRef]);
  return null;
}

const percent = (value: number) => `${Math.round(value * 100)}%`;

/**
 * Smith's range-test plot: raw and smoothed loss (left axis) and accuracy (right axis) against
 * the LR on a log axis, with the suggestions, the regions, the stop point and the schedule's
 * current bounds. Clicking or dragging on it sets Max LR, and Base LR = Max LR / ratio.
 */
export function RangeTestChart() {
  const { recorded, picks, curve } = useRangeTestAnalysis();
  const status = useAppStore((state) => state.rangeTest.status);
  const end = useAppStore((state) => state.rangeTest.end);
  const endLr = useAppStore((state) => (ranWith ?? state.rangeTest.config).endLr);
  const ratio = useAppStore((state) => state.rangeTest.ratio);
  const maxLr = useAppStore((state) => state.draft.maxLr);
  const baseLr = useAppStore((state) => state.draft.baseLr);
  const updateDraft = useAppStore((state) => state.updateDraft);
  const plotAreaRef = useRef<PlotBox | null>(null);
  const draggingRef = useRef(false);

  const rows = useMemo(() => chartRows(recorded, curve), [recorded, curve]);
  const overlays = useRangeTestOverlays();
  const numPoints = recorded.lrs.length;
  const top = Math.max(
    ...(numPoints > 0 ? [curve] : []).concat(overlays.map((run) => run.curve)).map(lossTop),
  );
  const first = recorded.lrs[0];
  const last = recorded.lrs[numPoints - 1];
  // While running, keep the whole sweep in view so the curve grows into it.
  const domain = sweepSpan(
    overlays,
    numPoints > 0 ? [first, status === 'running' && endLr > last ? endLr : last] : null,
  );

  if (numPoints === 0 && overlays.length === 0) {
    return (
      <figure
        className="chart range-test-chart range-test-empty"
        aria-label="Range test: loss and accuracy against learning rate"
        data-testid="range-test-chart"
      >
        <p>
          {status === 'running'
            ? 'Waiting for the first steps of the range test…'
            : 'No range test yet. Click "Run range test" to sweep the learning rate and see where the loss falls fastest.'}
        </p>
      </figure>
    );
  }

  const setMaxFromPointer = (event: PointerEvent<HTMLDivElement>, clamp: boolean): boolean => {
    const area = plotAreaRef.current;
    if (!area || area.width <= 0) return false;
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left - area.x;
    const y = event.clientY - rect.top - area.y;
    if (!clamp && (x < 0 || x > area.width || y < 0 || y > area.height)) return false;
    const fraction = Math.min(1, Math.max(0, x / area.width));
    const [lo, hi] = domain.map(Math.log10);
    updateDraft(boundsFromMaxLr(10 ** (lo + fraction * (hi - lo)), ratio));
    return true;
  };

  const stoppedByUser = end?.reason === 'stopped' && status === 'done';

  return (
    <figure
      className="chart range-test-chart"
      aria-label="Range test: loss and accuracy against learning rate"
      data-testid="range-test-chart"
    >
      <div
        className="range-test-plot"
        onPointerDown={(event) => {
          if (event.button !== 0 || !setMaxFromPointer(event, false)) return;
          draggingRef.current = true;
          event.currentTarget.setPointerCapture(event.pointerId);
        }}
        onPointerMove={(event) => {
          if (draggingRef.current) setMaxFromPointer(event, true);
        }}
        onPointerUp={() => {
          draggingRef.current = false;
        }}
        onPointerCancel={() => {
          draggingRef.current = false;
        }}
      >
        <ResponsiveContainer width="100%" height={400}>
          <LineChart data={rows} margin={{ top: 24, right: 10, bottom: 20, left: 10 }}>
            <PlotAreaProbe areaRef={plotAreaRef} />
            <CartesianGrid strokeDasharray="3 3" stroke="#d8dde6" />
            <XAxis
              dataKey="lr"
              type="number"
              scale="log"
              domain={domain}
              allowDataOverflow
              ticks={decadeTicks(domain[0], domain[1])}
              tickFormatter={formatRate}
              label={{ value: 'Learning rate (log scale)', position: 'insideBottom', offset: -10 }}
            />
            <YAxis
              yAxisId="loss"
              domain={[0, top]}
              ticks={lossTicks(top)}
              allowDataOverflow
              tickFormatter={(value: number) => String(Number(value.toPrecision(3)))}
              width={60}
              label={{ value: 'Loss', angle: -90, position: 'insideLeft', offset: 0 }}
            />
            <YAxis
              yAxisId="accuracy"
              orientation="right"
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={percent}
              width={60}
              label={{ value: 'Accuracy', angle: 90, position: 'insideRight', offset: 0 }}
            />
            {(status === 'running' ? [] : curve.regions).map((region) => (
              <ReferenceArea
                key={region.kind}
                yAxisId="loss"
                x1={region.fromLr}
                x2={region.toLr}
                fill={REGION_STYLE[region.kind].fill}
                fillOpacity={REGION_STYLE[region.kind].opacity}
                ifOverflow="hidden"
                label={{
                  value: REGION_STYLE[region.kind].label,
                  position: 'insideTop',
                  fill: '#5b6778',
                  fontSize: 12,
                }}
              />
            ))}
            <Tooltip
              formatter={(value, name) => [
                typeof value === 'number'
                  ? /accuracy/i.test(String(name))
                    ? `${(value * 100).toFixed(1)}%`
                    : value.toFixed(3)
                  : String(value),
                name,
              ]}
              labelFormatter={(lr) => `LR ${formatRate(Number(lr))}`}
              itemSorter={(item) => SERIES_ORDER.indexOf(String(item.dataKey))}
            />
            {numPoints > 0 ? (
              <Legend verticalAlign="top" itemSorter={null} wrapperStyle={{ paddingBottom: 6 }} />
            ) : null}
            <Line
              yAxisId="loss"
              dataKey="raw"
              name="Loss (raw)"
              stroke="#1f6feb"
              strokeOpacity={0.3}
              strokeWidth={1}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="loss"
              dataKey="smoothed"
              name="Loss (smoothed)"
              stroke="#1f6feb"
              strokeWidth={2.5}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="accuracy"
              dataKey="accuracy"
              name="Batch accuracy (raw)"
              stroke="#d97706"
              strokeOpacity={0.3}
              strokeWidth={1}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              yAxisId="accuracy"
              dataKey="smoothedAccuracy"
              name="Batch accuracy (smoothed)"
              stroke="#d97706"
              strokeWidth={2}
              dot={false}
              connectNulls
              isAnimationActive={false}
            />
            {recorded.heldOutAccuracies ? (
              <Line
                yAxisId="accuracy"
                dataKey="heldOut"
                name="Held-out accuracy"
                stroke="#7c3aed"
                strokeWidth={1.5}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ) : null}
            {curve.stop ? (
              <ReferenceLine
                yAxisId="loss"
                x={curve.stop.lr}
                stroke="#b42318"
                strokeDasharray="4 3"
                label={{
                  value: STOP_LABEL[curve.stop.kind],
                  position: 'insideTopRight',
                  offset: 22,
                  fill: '#b42318',
                  fontSize: 12,
                }}
              />
            ) : stoppedByUser ? (
              <ReferenceLine
                yAxisId="loss"
                x={last}
                stroke="#5b6778"
                strokeDasharray="4 3"
                label={{
                  value: 'stopped',
                  position: 'insideTopRight',
                  offset: 22,
                  fill: '#5b6778',
                }}
              />
            ) : null}
            <ReferenceLine
              yAxisId="loss"
              x={baseLr}
              stroke="#1b2330"
              strokeDasharray="6 4"
              strokeWidth={1.5}
              label={{ value: 'Base LR', position: 'insideBottomRight', fill: '#1b2330' }}
            />
            <ReferenceLine
              yAxisId="loss"
              x={maxLr}
              stroke="#1b2330"
              strokeWidth={2}
              label={{ value: 'Max LR', position: 'insideBottomLeft', fill: '#1b2330' }}
            />
            {picks.suggestions.map((suggestion) => {
              const onAccuracy = suggestion.id === 'accuracy';
              const values = onAccuracy ? curve.smoothedAccuracy : curve.smoothed;
              return (
                <ReferenceDot
                  key={suggestion.id}
                  yAxisId={onAccuracy ? 'accuracy' : 'loss'}
                  x={suggestion.lr}
                  y={values[nearestIndex(recorded.lrs, suggestion.lr)]}
                  r={6}
                  fill={SUGGESTION_COLORS[suggestion.id]}
                  stroke="#fff"
                  strokeWidth={1.5}
                />
              );
            })}
            <RangeTestOverlayPaths overlays={overlays} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        {picks.suggestions.length > 0 ? (
          <ul className="range-test-key" aria-label="Suggestion markers">
            {picks.suggestions.map((suggestion) => (
              <li key={suggestion.id}>
                <span
                  className="suggestion-swatch"
                  style={{ background: SUGGESTION_COLORS[suggestion.id] }}
                  aria-hidden="true"
                />
                {suggestion.label} {formatRate(suggestion.lr)}
              </li>
            ))}
          </ul>
        ) : null}
        {overlays.length > 0 ? (
          <ul className="range-test-key" aria-label="Kept range tests shown">
            {overlays.map((run) => (
              <li key={run.id}>
                <span
                  className="kept-run-swatch"
                  style={{ background: run.color }}
                  aria-hidden="true"
                />
                {run.name} (smoothed loss)
              </li>
            ))}
          </ul>
        ) : null}
        <span className="field-hint">
          Click or drag on the chart to set Max LR; Base LR follows at Max LR / {ratio}.{' '}
          <ChartPngButton
            title="Range test: loss and accuracy against learning rate"
            legend={[
              ...(numPoints > 0
                ? [
                    { label: 'Loss (smoothed)', color: '#1f6feb' },
                    { label: 'Batch accuracy (smoothed)', color: '#d97706' },
                  ]
                : []),
              ...overlayLegend(overlays),
            ]}
            fileName="range-test-chart"
          />
        </span>
      </figcaption>
    </figure>
  );
}
