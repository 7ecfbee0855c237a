import { ReferenceArea, ReferenceDot, ReferenceLine, Symbols } from 'recharts';
import { useAppStore } from '../store';
import type { RangeTestCurve, RangeTestPicks, RegionKind } from './rangeTestAnalysis';
import { suggestionPoint } from './rangeTestChartData';
import { SUGGESTION_COLORS } from './suggestionColors';
import { SUGGESTION_SHAPES } from './suggestionShapes';
import { RegionLabel } from './RegionLabel';
import { StopLabel } from './StopLabel';

/** Each region's fill and names, longest first: a narrow band takes the short one, or none. */
const REGION_STYLE: Record<RegionKind, { names: string[]; fill: string; opacity: number }> = {
  tooLow: { names: ['too low', 'low'], fill: '#94a3b8', opacity: 0.16 },
  learning: { names: ['learning', 'learn'], fill: '#22c55e', opacity: 0.1 },
  diverging: { names: ['diverging', 'div.'], fill: '#ef4444', opacity: 0.1 },
};

const STOP_LABEL = { diverged: 'diverged', nonFinite: 'loss not finite' } as const;

/** The regions under the lines (shaded once the test has ended). */
export function RangeTestRegions({ curve }: { curve: RangeTestCurve }) {
  return curve.regions.map((region) => (
    <ReferenceArea
      key={region.kind}
      yAxisId="loss"
      x1={region.fromLr}
      x2={region.toLr}
      fill={REGION_STYLE[region.kind].fill}
      fillOpacity={REGION_STYLE[region.kind].opacity}
      ifOverflow="hidden"
      label={{
        content: ({ viewBox }) => (
          <RegionLabel viewBox={viewBox} names={REGION_STYLE[region.kind].names} />
        ),
      }}
    />
  ));
}

interface RangeTestMarksProps {
  curve: RangeTestCurve;
  picks: RangeTestPicks;
  lrs: Float64Array;
  /** The test was stopped by hand at this LR (null otherwise). */
  stoppedAt: number | null;
}

/** Over the lines: where the test stopped, the schedule's bounds and each suggestion's dot. */
export function RangeTestMarks({ curve, picks, lrs, stoppedAt }: RangeTestMarksProps) {
  const stopText = curve.stop ? STOP_LABEL[curve.stop.kind] : '';
  const maxLr = useAppStore((state) => state.draft.maxLr);
  const baseLr = useAppStore((state) => state.draft.baseLr);
  return (
    <>
      {curve.stop ? (
        <ReferenceLine
          yAxisId="loss"
          x={curve.stop.lr}
          stroke="#b42318"
          strokeDasharray="4 3"
          label={{
            content: ({ viewBox }) => (
              <StopLabel viewBox={viewBox} text={stopText} color="#b42318" />
            ),
          }}
        />
      ) : stoppedAt !== null ? (
        <ReferenceLine
          yAxisId="loss"
          x={stoppedAt}
          stroke="#5b6778"
          strokeDasharray="4 3"
          label={{
            content: ({ viewBox }) => (
              <StopLabel viewBox={viewBox} text="stopped" color="#5b6778" />
            ),
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
      {/* Largest first, so a marker that lands on another still shows its edge around it. */}
      {[...picks.suggestions]
        .sort((a, b) => SUGGESTION_SHAPES[b.id].size - SUGGESTION_SHAPES[a.id].size)
        .map((suggestion) => {
          const point = suggestionPoint(suggestion, lrs, curve);
          const { shape, size } = SUGGESTION_SHAPES[suggestion.id];
          return (
            <ReferenceDot
              key={suggestion.id}
              yAxisId={point.onAccuracy ? 'accuracy' : 'loss'}
              x={point.x}
              y={point.y}
              shape={(props) => (
                <Symbols
                  className="suggestion-marker"
                  type={shape}
                  cx={props.cx}
                  cy={props.cy}
                  size={size}
                  fill={SUGGESTION_COLORS[suggestion.id]}
                  stroke="#fff"
                  strokeWidth={1.5}
                />
              )}
            />
          );
        })}
    </>
  );
}
