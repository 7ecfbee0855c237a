import { useXAxisScale, useYAxisScale } from 'recharts';
import { BandPath } from '../charts/BandPath';
import { SeriesPath } from '../charts/SeriesPath';
import { SERIES_COLORS } from '../charts/palette';
import type { PixelScale } from '../charts/seriesGeometry';
import type { RepeatsView } from './rangeTestRepeatsView';
import { SUGGESTION_COLORS } from './suggestionColors';

const LOSS = SERIES_COLORS.rangeLoss;
const ACCURACY = SERIES_COLORS.rangeAccuracy;

/** The median smoothed loss and accuracy over the repeats, each with its band. */
export function RepeatBands({ view }: { view: RepeatsView }) {
  const { lrs, loss, accuracy } = view;
  return (
    <g className="range-test-repeat-bands" data-band={loss.kind}>
      <BandPath xs={lrs} low={loss.low} high={loss.high} color={LOSS} yAxisId="loss" />
      <BandPath
        xs={lrs}
        low={accuracy.low}
        high={accuracy.high}
        color={ACCURACY}
        yAxisId="accuracy"
      />
      <SeriesPath series={{ xs: lrs, ys: loss.median }} color={LOSS} width={2.5} yAxisId="loss" />
      <SeriesPath
        series={{ xs: lrs, ys: accuracy.median }}
        color={ACCURACY}
        width={2}
        yAxisId="accuracy"
      />
    </g>
  );
}

const ROW_HEIGHT = 7;

/** Each suggestion as an interval on the LR axis (one row each, at the top) with its median marked. */
export function SuggestionIntervals({ view }: { view: RepeatsView }) {
  const xScale = useXAxisScale();
  const yScale = useYAxisScale('accuracy');
  if (!xScale || !yScale) return null;
  const x = xScale as PixelScale;
  const top = (yScale as PixelScale)(1) ?? 0;
  return (
    <g className="suggestion-intervals">
      {view.intervals.map(({ id, label, spread }, row) => {
        const [from, to, mid] = [x(spread.min), x(spread.max), x(spread.median)];
        if (from === undefined || to === undefined || mid === undefined) return null;
        const y = top + 6 + row * ROW_HEIGHT;
        const color = SUGGESTION_COLORS[id];
        return (
          <g key={id} className="suggestion-interval" data-suggestion={id}>
            <title>{label}</title>
            <line
              className="suggestion-interval-span"
              x1={from}
              x2={Math.max(to, from + 1)}
              y1={y}
              y2={y}
              stroke={color}
              strokeWidth={3}
            />
            <circle
              className="suggestion-interval-median"
              cx={mid}
              cy={y}
              r={3.5}
              fill={color}
              stroke="#fff"
              strokeWidth={1}
            />
          </g>
        );
      })}
    </g>
  );
}
